#!/usr/bin/env bash
# Time split of a distributed step (empty job, broadcast, broadcast + treeAggregate) and
# Fashion-MNIST epoch times at global batch 128 and 1024, in local[2] by default.
#   benchmarks/spark-step.sh [epochs=2] [partitions=2]
# On the standalone cluster: scripts/cluster.sh start, then
#   BENCH_MASTER=$(cat target/cluster/master-url) benchmarks/spark-step.sh
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/spark-bench.sh" SparkStepBench "$@"
