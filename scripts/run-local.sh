#!/usr/bin/env bash
# Runs a sparkmlp main class locally with Spark's (provided-scope) jars on the classpath and
# the JVM options Spark's own launcher would add. Builds the jar first when sources changed.
#   scripts/run-local.sh io.sparkmlp.examples.SeedExample [args...]
# Environment: JAVA_OPTS (extra JVM options, e.g. -Xmx8g), SPARKMLP_SKIP_BUILD=1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[ $# -ge 1 ] || { echo "usage: scripts/run-local.sh MAIN_CLASS [ARGS...]" >&2; exit 2; }

jar=target/sparkmlp-0.1.0-SNAPSHOT.jar
if [ "${SPARKMLP_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
    echo "building $jar ..." >&2
    mvn -q -B -DskipTests package >&2
  fi
  if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
    mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
  fi
fi

mapfile -t jvm_opts < <(grep -v '^#' scripts/jvm-options)
# One BLAS thread per JVM thread: a native BLAS must never start its own pool inside a task.
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}
# Local runs bind to loopback (and Spark stops warning that the hostname resolves there).
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
exec java ${JAVA_OPTS:--Xmx6g} "${jvm_opts[@]}" "-Dlog4j2.configurationFile=$root/conf/log4j2.properties" -cp "$jar:$(cat target/classpath.txt)" "$@"
