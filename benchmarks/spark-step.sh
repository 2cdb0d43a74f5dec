#!/usr/bin/env bash
# The fixed cost of a distributed step against an empty Spark job, per partition count, as one
# Markdown table (medians of interleaved rounds), plus Fashion-MNIST epochs at global batch 128
# for each partition count (0 epochs skips them). local[2] by default.
#   benchmarks/spark-step.sh [epochs=1] [partitions...=2 8 32 64]
# On the standalone cluster: scripts/cluster.sh start, then
#   BENCH_MASTER=$(cat target/cluster/master-url) benchmarks/spark-step.sh
# More rounds: BENCH_JAVA_OPTS=-Dbench.rounds=200 benchmarks/spark-step.sh 0
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/spark-bench.sh" SparkStepBench "$@"
