#!/usr/bin/env bash
# The test command: installs what is missing, checks that the committed .npy fixtures are
# exactly what NumPy writes, runs the whole Maven test suite, then the tests that depend on
# the Spark and Scala versions against Spark 3.5 / Scala 2.12 and a compile of Spark 3.5 /
# Scala 2.13 (each in its own target/spark-3.5_* directory) with a smoke run of the 3.5 /
# Scala 2.12 jar (scripts/spark35-smoke.sh; SPARKMLP_SKIP_SPARK35=1 skips all three), then
# the integration test on a real two-worker Spark standalone cluster
# (scripts/cluster-test.sh; SPARKMLP_SKIP_CLUSTER=1 skips it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh all

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
/usr/bin/python3 scripts/make-npy-fixtures.py "$fresh" >/dev/null
if ! diff -r "$fresh" src/test/resources/npy >/dev/null; then
  echo "src/test/resources/npy differs from what scripts/make-npy-fixtures.py writes with this" \
       "NumPy; rerun the script and commit the result" >&2
  diff -rq "$fresh" src/test/resources/npy >&2 || true
  exit 1
fi

# setup.sh installed NumPy: the Python loader's test (PythonLoaderTest) must run, not skip.
SPARKMLP_REQUIRE_NUMPY=1 mvn -B -ntp test "$@"

# The benchmarks' Java (benchmarks/java) is compiled by the benchmark scripts only: compile it
# here too, so that an API change cannot break a benchmark unnoticed until someone runs it.
echo "--- benchmarks/java compiles against this build" >&2
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
javac -nowarn -Xlint:-options --add-modules jdk.incubator.vector --release 17 -d "$fresh/bench" \
  -cp "target/classes:$(cat target/classpath.txt)" benchmarks/java/io/sparkmlp/bench/*.java \
  benchmarks/java/io/sparkmlp/kernel/*.java \
  2> >(grep -v 'incubator' >&2 || true)
if [ "$(uname -m)" = x86_64 ]; then
  gcc -O2 -o "$fresh/fma_peak" benchmarks/c/fma_peak.c  # benchmarks/microkernel.sh's peak
fi

if [ "${SPARKMLP_SKIP_SPARK35:-0}" != 1 ]; then
  # Scala 2.12 is where most Spark 3.5 clusters differ from the default build: run the spark
  # and ml tests and local L-BFGS there (Kryo with registration required), and only compile
  # the 2.13 variant, which shares its Spark APIs with the first and its Scala with the
  # default build.
  echo "--- Spark 3.5 / Scala 2.12: spark and ml tests, local L-BFGS" >&2
  mvn -B -ntp -Pspark-3.5,scala-2.12 test-compile surefire:test@default-test
  echo "--- Spark 3.5 / Scala 2.12: the packaged jar trains and evaluates on 3.5's classpath" >&2
  scripts/spark35-smoke.sh
  echo "--- Spark 3.5 / Scala 2.13: compile" >&2
  mvn -B -ntp -q -Pspark-3.5 test-compile
fi

if [ "${SPARKMLP_SKIP_CLUSTER:-0}" != 1 ]; then
  scripts/cluster-test.sh
fi
