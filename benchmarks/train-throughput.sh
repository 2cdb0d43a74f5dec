#!/usr/bin/env bash
# Single-thread training throughput of the 784-256-128-10 network (see TrainStepBench), pinned
# to one core. Builds the project first when needed.
#   benchmarks/train-throughput.sh [--gemm netlib] [batch=128] [steps=3000] [fitEpochs=3]
# --gemm netlib routes the GEMMs to netlib's sgemm (native OpenBLAS where it loads), with
# OPENBLAS_NUM_THREADS=1; that route runs again with native OpenBLAS's best kernels on this CPU
# (OPENBLAS_CORETYPE as openblas-coretype.sh prints it) when the environment's differs.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[ -f target/classes/io/sparkmlp/nn/Network.class ] || mvn -q -B -DskipTests compile >&2
[ -s target/classpath.txt ] || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="target/classes:$(cat target/classpath.txt)"
javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$work" -cp "$cp" \
  benchmarks/java/io/sparkmlp/bench/TrainStepBench.java 2> >(grep -v incubat >&2 || true)
pin=()
command -v taskset >/dev/null && pin=(taskset -c "${BENCH_CPU:-0}")
run() {
  OPENBLAS_NUM_THREADS=1 "$@" "${pin[@]}" java -Xmx4g --add-modules=jdk.incubator.vector \
    -cp "$work:$cp" io.sparkmlp.bench.TrainStepBench "${args[@]}" 2>&1 \
    | grep -v 'incubator modules'
}
args=("$@")
run env
if [ "${1:-}" = --gemm ] && [ "${2:-}" = netlib ]; then
  best_core=$(benchmarks/openblas-coretype.sh)
  if [ "${OPENBLAS_CORETYPE:-}" != "$best_core" ]; then
    echo "again with OPENBLAS_CORETYPE=${best_core:-unset} instead of" \
      "${OPENBLAS_CORETYPE:-unset} (native OpenBLAS's best kernels on this CPU):"
    run env -u OPENBLAS_CORETYPE ${best_core:+OPENBLAS_CORETYPE=$best_core}
  fi
fi
