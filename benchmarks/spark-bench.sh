#!/usr/bin/env bash
# Builds the jar, compiles one Spark benchmark from benchmarks/java and runs it with Spark's
# JVM options, in local[2] unless BENCH_MASTER names a cluster (the benchmark's classes are
# then shipped to the executors as a jar). Extra JVM flags go in BENCH_JAVA_OPTS.
#   benchmarks/spark-bench.sh CLASS_NAME [args...]     e.g. SparkStepBench 3 2
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
main=${1:?usage: benchmarks/spark-bench.sh CLASS_NAME [args...]}
shift
scripts/setup.sh
mvn -q -B -DskipTests package >&2
[ -s target/classpath.txt ] || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="target/classes:$(cat target/classpath.txt)"
javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$work" -cp "$cp" \
  "benchmarks/java/io/sparkmlp/bench/$main.java" benchmarks/java/io/sparkmlp/bench/BenchSession.java \
  2> >(grep -v incubat >&2 || true)
mapfile -t jvm_opts < <(grep -v '^#' scripts/jvm-options)
master=()
if [ -n "${BENCH_MASTER:-}" ]; then
  jar=$(ls target/sparkmlp-*.jar | head -1)
  # Executors need the benchmark's own lambdas too: ship its classes as a jar.
  (cd "$work" && jar cf bench.jar io)
  master=(-Dspark.master="$BENCH_MASTER" -Dspark.jars="$root/$jar,$work/bench.jar"
          -Dspark.executor.extraJavaOptions="$(grep -v '^#' scripts/jvm-options | tr '\n' ' ')"
          -Dspark.executorEnv.OPENBLAS_NUM_THREADS=1 -Dspark.driver.host=127.0.0.1)
fi
# shellcheck disable=SC2086
java -Xmx6g ${BENCH_JAVA_OPTS:-} "${jvm_opts[@]}" "${master[@]}" -cp "$work:$cp" \
  "io.sparkmlp.bench.$main" "$@" 2>&1 | grep -vE 'incubator modules| WARN '
