#!/usr/bin/env bash
# One core, one run: sparkmlp's training throughput (train-throughput.sh: the step, and a
# Sequential.fit epoch) against PyTorch training the same network on the same core
# (torch_fmnist.py: 1 torch thread, 1 OpenBLAS thread, OPENBLAS_CORETYPE unset so that OpenBLAS
# picks its own kernels, or openblas-coretype.sh's where it does not know the CPU; once as it
# comes and once with --flush-denormal), alternating, RUNS times; one Markdown table, each run's
# ratios against the faster PyTorch in its own row. Issue 12's kernel target ("at or above
# PyTorch's best on the same core") is the ratio columns.
#   benchmarks/kernel-vs-pytorch.sh [runs=2] [torchEpochs=4]
# Needs python3-torch and dataset-fashion-mnist (apt-get install); BENCH_CPU picks the core.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
runs=${1:-2}
epochs=${2:-4}
cpu=${BENCH_CPU:-0}
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "kernel-vs-pytorch.sh: PyTorch is missing; apt-get install -y python3-torch" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pin=()
command -v taskset >/dev/null && pin=(taskset -c "$cpu")

peer_core=$(benchmarks/openblas-coretype.sh)
rows=()
for run in $(seq 1 "$runs"); do
  BENCH_CPU=$cpu benchmarks/train-throughput.sh > "$work/ours.txt" 2>&1 \
    || { cat "$work/ours.txt" >&2; exit 1; }
  step=$(sed -nE 's/^step .*: ([0-9,]+) samples\/s.*/\1/p' "$work/ours.txt" | tr -d ,)
  fit=$(sed -nE 's/^fit .*: ([0-9,]+) samples\/s.*/\1/p' "$work/ours.txt" | tr -d ,)
  # PyTorch twice: as it comes, and with --flush-denormal (subnormals as zero, which sparkmlp's
  # optimizers do for themselves); the ratios are against the faster of the two.
  for fd in "" --flush-denormal; do
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${peer_core:+OPENBLAS_CORETYPE=$peer_core} \
      OPENBLAS_NUM_THREADS=1 "${pin[@]}" \
      /usr/bin/python3 benchmarks/torch_fmnist.py --epochs "$epochs" --threads 1 --blas-threads 1 \
      $fd --json "$work/torch.json" > "$work/torch.txt" 2>&1 || { cat "$work/torch.txt" >&2; exit 1; }
    # PyTorch's samples/s: the median epoch after the first (the first pays for warm-up).
    speed=$(/usr/bin/python3 - "$work/torch.json" <<'PY'
import json, statistics, sys
curve = json.load(open(sys.argv[1]))["curve"]
times = [t for t, _ in curve]
epochs = [b - a for a, b in zip([0.0] + times, times)][1:]
print(round(60000 / statistics.median(epochs)))
PY
)
    if [ -z "$fd" ]; then torch=$speed; else torch_ftz=$speed; fi
  done
  rows+=("$(awk -v r="$run" -v s="$step" -v f="$fit" -v t="$torch" -v z="$torch_ftz" 'BEGIN {
    b = t > z ? t : z
    printf "| %d | %d | %d | %d | %d | %.2f× | %.2f× |", r, s, f, t, z, s / b, f / b }')")
done

echo "One core ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), core $cpu), 784-256-128-10, Adam, batch 128, samples/s"
echo
echo "| run | sparkmlp step | sparkmlp fit epoch | PyTorch (median epoch 2–$epochs) | PyTorch, flush denormal | step ÷ PyTorch's best | fit ÷ PyTorch's best |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
