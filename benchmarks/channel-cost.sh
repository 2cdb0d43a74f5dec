#!/usr/bin/env bash
# What 0.94 MB of weights costs by each way a Spark job can carry them (inside the task, in each
# task's partition, in a broadcast of their own) and what a gradient-sized result costs, against
# an empty job over P tiny partitions: one Markdown table. local[2] by default; on the cluster:
#   scripts/cluster.sh start && BENCH_MASTER=$(cat target/cluster/master-url) benchmarks/channel-cost.sh 2
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/spark-bench.sh" ChannelCostBench "$@"
