#!/usr/bin/env bash
# GFLOP/s of io.sparkmlp.kernel.Gemm against its scalar fallback and dev.ludovic.netlib's Java
# and native BLAS, on the GEMM shapes of one 784-256-128-10 MLP training step at batch 128.
#
# usage: benchmarks/gemm.sh [ROUTE...]   ROUTE: gemm scalar netlib-java netlib-native (default all)
# Needs `mvn -q compile` first (or compiles util+kernel itself when target/classes is missing or
# older than those sources; GEMM_BENCH_COMPILE=1 forces that). Runs on one core: BENCH_CPU (default 0) via taskset, with
# OPENBLAS_NUM_THREADS=1; native OpenBLAS runs again with its best kernels on this CPU
# (OPENBLAS_CORETYPE as openblas-coretype.sh prints it, unset where OpenBLAS knows the CPU) when
# the environment's OPENBLAS_CORETYPE differs from that.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cpu=${BENCH_CPU:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -s target/classpath.txt ]; then
  deps=$(cat target/classpath.txt)
else
  mvn -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" >&2
  deps=$(cat "$work/classpath.txt")
fi

classes=target/classes
gemm_class=$classes/io/sparkmlp/kernel/Gemm.class
if [ -n "${GEMM_BENCH_COMPILE:-}" ] || [ ! -f "$gemm_class" ] || [ -n "$(find src/main/java/io/sparkmlp/util src/main/java/io/sparkmlp/kernel \
    -name '*.java' -newer "$gemm_class" 2>/dev/null)" ]; then
  echo "target/classes missing or older than the kernel sources: compiling util+kernel" >&2
  classes=$work/main
  mkdir -p "$classes"
  javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$classes" -cp "$deps" \
    $(find src/main/java/io/sparkmlp/util src/main/java/io/sparkmlp/kernel -name '*.java') \
    2> >(grep -v 'incubat' >&2 || true)
fi

mkdir -p "$work/bench"
javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$work/bench" \
  -cp "$classes:$deps" benchmarks/java/io/sparkmlp/bench/GemmBench.java \
  2> >(grep -v 'incubat' >&2 || true)

pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$cpu"); fi
run() {
  OPENBLAS_NUM_THREADS=1 "$@" "${pin[@]}" java -Xms512m -Xmx2g --add-modules=jdk.incubator.vector \
    -cp "$work/bench:$classes:$deps" io.sparkmlp.bench.GemmBench "${routes[@]}" 2>&1 \
    | grep -v -e 'Using incubator modules' -e '^WARNING'
}

routes=("$@")
run env
best_core=$(benchmarks/openblas-coretype.sh)
if [ "${OPENBLAS_CORETYPE:-}" != "$best_core" ] \
    && { [ $# -eq 0 ] || [[ " $* " == *" netlib-native "* ]]; }; then
  echo
  echo "again with OPENBLAS_CORETYPE=${best_core:-unset} instead of ${OPENBLAS_CORETYPE:-unset}" \
    "(native OpenBLAS's best kernels on this CPU, benchmarks/openblas-coretype.sh):"
  routes=(netlib-native)
  run env -u OPENBLAS_CORETYPE ${best_core:+OPENBLAS_CORETYPE=$best_core}
fi
