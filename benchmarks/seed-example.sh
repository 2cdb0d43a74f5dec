#!/usr/bin/env bash
# The founding example (conf/seed-example.yaml: 10,000 rows of 100 features, 100-64-10 ReLU/
# softmax, Adam, batch 32, 10 epochs) trained without Spark (Sequential.fit, through
# examples.SeedExample) and through the CLI on embedded Spark with exact steps and with
# sync_every auto. One Markdown table: training seconds (the sum of the epochs' times, as
# history.csv has them), the command's wall seconds (JVM and Spark start-up included), test
# accuracy on the 2,000 held-out rows SeedExample writes, and training time against no Spark.
#   benchmarks/seed-example.sh [master=local[2]] [modes="1 auto"]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
master=${1:-local[2]}
modes=${2:-1 auto}
out=target/bench/seed-example
mkdir -p "$out"
scripts/setup.sh

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
# Sums a named column of a CSV file with a header row.
column_sum() {
  awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
    { s += $c } END { printf "%.2f", s }' "$1"
}

rows=()
t0=$(now)
scripts/run-local.sh io.sparkmlp.examples.SeedExample data > "$out/no-spark.log" 2>&1
wall=$(since "$t0")
base=$(grep -oP 'trained in \K[0-9.]+' "$out/no-spark.log")
acc=$(grep -oP 'test accuracy: \K[0-9.]+' "$out/no-spark.log")
rows+=("| no Spark (Sequential.fit) | $base | $wall | $acc | 1.0 |")

for mode in $modes; do
  dir="$out/sync-$mode"
  t0=$(now)
  scripts/sparkmlp train --config conf/seed-example.yaml --master "$master" --overwrite \
    --set "distributed.sync_every=$mode" --set data.test.x=data/x_test.npy \
    --set data.test.y=data/y_test.npy --set "output.dir=$dir" > "$out/sync-$mode.log" 2>&1
  wall=$(since "$t0")
  train=$(column_sum "$dir/history.csv" seconds)
  acc=$(python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["accuracy"])' \
    "$dir/test_metrics.json")
  chosen=$(grep -oP 'sync_every auto: \K[0-9]+' "$out/sync-$mode.log" || true)
  label="CLI $master, sync_every $mode${chosen:+ (chose $chosen)}"
  rows+=("| $label | $train | $wall | $acc | $(ratio "$train" "$base") |")
done

{
  echo "Founding example, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
  echo
  echo "| run | training s | wall s | test accuracy | training time / no Spark |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$out/table.md"
