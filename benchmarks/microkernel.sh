#!/usr/bin/env bash
# The GEMM micro-kernel's GFLOP/s on L1-resident panels (MicroKernelBench) against the core's
# own FMA peak (benchmarks/c/fma_peak.c), alternating, each kernel run in a fresh JVM, all on
# one core. The ratio is what the kernel reaches of the hardware; run-to-run spread in the
# kernel column with a steady peak column is HotSpot compiling the kernel differently.
#   benchmarks/microkernel.sh [runs=4] [seconds=3]
# Needs gcc and an x86-64 CPU with AVX2 (AVX-512 is used where present, as the kernel does).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
runs=${1:-4}
seconds=${2:-3}
[ -f target/classes/io/sparkmlp/kernel/Gemm.class ] || mvn -q -B -DskipTests compile >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$work" -cp target/classes \
  benchmarks/java/io/sparkmlp/kernel/MicroKernelBench.java 2> >(grep -v incubat >&2 || true)
width=ymm
flags=()
if grep -qw avx512f /proc/cpuinfo; then width=zmm; flags=(-mavx512f); fi
gcc -O2 "${flags[@]}" -o "$work/fma_peak" benchmarks/c/fma_peak.c
pin=()
command -v taskset >/dev/null && pin=(taskset -c "${BENCH_CPU:-0}")

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $width, java $(java -version 2>&1 | head -1)"
echo "| run | FMA peak ($width, GFLOP/s) | micro-kernel best | median | median ÷ peak |"
echo "|---|---:|---:|---:|---:|"
for run in $(seq 1 "$runs"); do
  peak=$("${pin[@]}" "$work/fma_peak" "$width")
  line=$("${pin[@]}" java --add-modules=jdk.incubator.vector -cp "$work:target/classes" \
    io.sparkmlp.kernel.MicroKernelBench "$seconds" 2>&1 | grep 'micro-kernel')
  best=$(sed -E 's/.*best ([0-9.]+).*/\1/' <<<"$line")
  median=$(sed -E 's/.*median ([0-9.]+).*/\1/' <<<"$line")
  ratio=$(awk -v m="$median" -v p="$peak" 'BEGIN { printf "%.0f%%", 100 * m / p }')
  echo "| $run | $peak | $best | $median | $ratio |"
done
echo
echo "${line%%: best*}, as the last run printed it"
