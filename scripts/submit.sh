#!/usr/bin/env bash
# spark-submit for this project without a Spark distribution: runs Spark's SparkSubmit from
# target/spark-home/jars (see scripts/cluster.sh) in client mode, with the project jar as the
# application and the driver on 127.0.0.1.
#   scripts/submit.sh [--master URL] [--conf KEY=VALUE ...] MAIN_CLASS [ARGS...]
# --master defaults to the URL of the cluster scripts/cluster.sh started
# (target/cluster/master-url); `--master 'local[2]'` runs everything in this JVM. A driver of
# that cluster started with `cluster.sh start --auth` gets its secret from
# target/cluster/conf/spark-defaults.conf (as a --properties-file).
# Executors get Spark's JVM options (scripts/jvm-options, jdk.incubator.vector among them) through
# spark.executor.extraJavaOptions. The exit status is the application's.
# Environment: DRIVER_MEMORY (driver heap, 2g), EXECUTOR_MEMORY (1g), SPARKMLP_SKIP_BUILD=1 (do
# not rebuild a stale jar), JAVA_OPTS (more driver JVM options).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

usage() {
  echo "usage: scripts/submit.sh [--master URL] [--conf KEY=VALUE ...] MAIN_CLASS [ARGS...]" >&2
  exit 2
}
master=""
confs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --master) [ $# -ge 2 ] || usage; master=$2; shift 2 ;;
    --master=*) master=${1#--master=}; shift ;;
    --conf) [ $# -ge 2 ] || usage; confs+=(--conf "$2"); shift 2 ;;
    --conf=*) confs+=(--conf "${1#--conf=}"); shift ;;
    -h|--help) usage ;;
    -*) echo "submit: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
main_class=$1
shift

if [ -z "$master" ]; then
  [ -s target/cluster/master-url ] || {
    echo "submit: no cluster is running (no target/cluster/master-url): start one with" \
         "scripts/cluster.sh start, or pass --master 'local[2]'" >&2
    exit 1
  }
  master=$(cat target/cluster/master-url)
fi

# The project jar: target/sparkmlp-VERSION.jar (the newest, if a version change left several).
project_jar() {
  local f
  for f in $(ls -t target/sparkmlp-*.jar 2>/dev/null); do
    case "$f" in *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;; esac
    echo "$f"
    return 0
  done
  return 1
}
if ! jar=$(project_jar) || { [ "${SPARKMLP_SKIP_BUILD:-0}" != 1 ] &&
                            [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; }; then
  echo "submit: building the project jar ..." >&2
  mvn -q -B -DskipTests package >&2
  jar=$(project_jar) || { echo "submit: no target/sparkmlp-*.jar after mvn package" >&2; exit 1; }
fi
scripts/cluster.sh jars >&2
auth_conf=target/cluster/conf/spark-defaults.conf
if [ -s "$auth_conf" ] && [ "$master" = "$(cat target/cluster/master-url 2>/dev/null)" ]; then
  confs+=(--properties-file "$auth_conf")
fi

spark_home=$root/target/spark-home
mapfile -t jvm_opts < <(grep -v -e '^#' -e '^[[:space:]]*$' scripts/jvm-options)
log_conf=$root/conf/log4j2.properties
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

export SPARK_HOME=$spark_home SPARK_CONF_DIR=$spark_home/conf SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
# One BLAS thread per JVM thread: a native BLAS must never start its own pool inside a task.
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}

# In client mode this JVM is the driver: its heap is the driver's memory.
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
exec "$java" "-Xmx${DRIVER_MEMORY:-2g}" ${JAVA_OPTS:-} "${jvm_opts[@]}" \
  "-Dlog4j2.configurationFile=$log_conf" -cp "$spark_home/jars/*" \
  org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --class "$main_class" \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf "spark.executor.memory=${EXECUTOR_MEMORY:-1g}" \
  --conf "spark.executor.extraJavaOptions=${jvm_opts[*]}" \
  "${confs[@]}" "$jar" "$@"
