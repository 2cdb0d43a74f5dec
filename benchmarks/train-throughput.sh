#!/usr/bin/env bash
# Single-thread training throughput of the 784-256-128-10 network (see TrainStepBench), pinned
# to one core. Builds the project first when needed.
#   benchmarks/train-throughput.sh [--gemm netlib] [batch=128] [steps=3000] [fitEpochs=3]
# --gemm netlib routes the GEMMs to netlib's sgemm (native OpenBLAS where it loads), with
# OPENBLAS_NUM_THREADS=1; when OPENBLAS_CORETYPE is set, that route runs again without it.
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
if [ "${1:-}" = --gemm ] && [ "${2:-}" = netlib ] && [ -n "${OPENBLAS_CORETYPE:-}" ]; then
  echo "again without OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE (native OpenBLAS picks its own kernels):"
  run env -u OPENBLAS_CORETYPE
fi
