#!/usr/bin/env bash
# Time split of a distributed step (empty job, broadcast, broadcast + treeAggregate) and
# Fashion-MNIST epoch times at global batch 128 and 1024, in local[2] by default.
#   benchmarks/spark-step.sh [epochs=2] [partitions=2]
# On the standalone cluster: scripts/cluster.sh start, then
#   BENCH_MASTER=$(cat target/cluster/master-url) benchmarks/spark-step.sh
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
  benchmarks/java/io/sparkmlp/bench/SparkStepBench.java 2> >(grep -v incubat >&2 || true)
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
java -Xmx6g "${jvm_opts[@]}" "${master[@]}" -cp "$work:$cp" io.sparkmlp.bench.SparkStepBench "$@" \
  2>&1 | grep -vE 'incubator modules| WARN '
