#!/usr/bin/env bash
# MLlib's MultilayerPerceptronClassifier (L-BFGS) against sparkmlp's MLPClassifier (Adam) on
# Fashion-MNIST, 784-256-128-10, same Spark session and cached DataFrames: fit wall time and
# test accuracy of each, as a Markdown table. local[2] unless BENCH_MASTER is set.
#   benchmarks/mllib-comparison.sh [mllibIters=100] [epochs=2] [batch=256] [lr=0.003] [syncEvery=8] [both|mllib|sparkmlp]
# BENCH_JAVA_OPTS=-Dbench.sparkmlpRuns=2 fits sparkmlp twice in the JVM (cold, then warm).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
mvn -q -B -DskipTests package >&2
[ -s target/classpath.txt ] || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="target/classes:$(cat target/classpath.txt)"
javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$work" -cp "$cp" \
  benchmarks/java/io/sparkmlp/bench/MllibComparisonBench.java 2> >(grep -v incubat >&2 || true)
mapfile -t jvm_opts < <(grep -v '^#' scripts/jvm-options)
master=()
if [ -n "${BENCH_MASTER:-}" ]; then
  jar=$(ls target/sparkmlp-*.jar | head -1)
  # Executors need the benchmark's own lambdas too: ship its classes as a jar.
  (cd "$work" && jar cf bench.jar io)
  master=(-Dspark.master="$BENCH_MASTER" -Dspark.jars="$root/$jar,$work/bench.jar"
          -Dspark.executor.extraJavaOptions="$(tr '\n' ' ' < scripts/jvm-options)"
          -Dspark.driver.host=127.0.0.1)
fi
# MLlib's native BLAS (when it loads) must not start threads inside Spark's tasks.
OPENBLAS_NUM_THREADS=1 java -Xmx6g ${BENCH_JAVA_OPTS:-} "${jvm_opts[@]}" "${master[@]}" -cp "$work:$cp" io.sparkmlp.bench.MllibComparisonBench "$@" \
  2>&1 | grep -vE 'incubator modules| WARN '
