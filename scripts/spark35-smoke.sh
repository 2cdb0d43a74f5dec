#!/usr/bin/env bash
# Smoke run of the Spark 3.5 / Scala 2.12 jar on Spark 3.5's own classpath (its Jackson 2.15.2
# included), as a 3.5 cluster would run it: make a small seed-example data set, `train` one
# epoch from conf/seed-example.yaml, `evaluate` the model, and check that a misspelt config key
# still fails with exit 2. Proves that Spark 3.5's own Jackson binds the config, with the YAML
# module the jar bundles (README, "Spark 3.5"). Called by scripts/test.sh; runs alone too.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build=$root/target/spark-3.5_2.12
jar=$build/sparkmlp-0.1.0-SNAPSHOT-spark3.5_2.12.jar
# The jar, then Spark 3.5's provided classpath (its Jackson 2.15.2 included).
mvn -B -ntp -q -Pspark-3.5,scala-2.12 -DskipTests package \
  dependency:build-classpath -DincludeScope=provided -Dmdep.outputFile="$build/classpath.txt"
cp="$jar:$(cat "$build/classpath.txt")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t jvm_opts < <(grep -v '^#' scripts/jvm-options)
run() {
  SPARK_LOCAL_IP=127.0.0.1 OPENBLAS_NUM_THREADS=1 java -Xmx2g "${jvm_opts[@]}" \
    "-Dlog4j2.configurationFile=$root/conf/log4j2.properties" -cp "$cp" "$@"
}

# SeedExample makes the data (2,000 rows and its held-out test rows), then trains its own
# small model in-process and saves it under out/ of the working directory: $work here.
(cd "$work" && run io.sparkmlp.examples.SeedExample data 2000 >/dev/null 2>&1)
train=(io.sparkmlp.cli.Main train --config conf/seed-example.yaml --master 'local[2]'
       --set fit.epochs=1 --set "data.train.x=$work/data/x_train.npy"
       --set "data.train.y=$work/data/y_train.npy")
run "${train[@]}" --set "output.dir=$work/model"
run io.sparkmlp.cli.Main evaluate --model "$work/model" --format npy \
  --data "$work/data/x_test.npy" --labels "$work/data/y_test.npy" --master 'local[2]' \
  --json "$work/metrics.json" >/dev/null
grep -q '"loss"' "$work/metrics.json" || { echo "spark35-smoke: no loss in $(cat "$work/metrics.json")" >&2; exit 1; }

set +e
err=$(run "${train[@]}" --set "output.dir=$work/bad" --set fit.epoch=1 2>&1 >/dev/null)
rc=$?
err=$(printf '%s\n' "$err" | grep -v '^WARNING: Using incubator modules')
set -e
if [ "$rc" != 2 ] || [ "$(printf '%s\n' "$err" | grep -c .)" != 1 ]; then
  echo "spark35-smoke: a misspelt key gave exit $rc and: $err" >&2
  exit 1
fi
echo "spark35-smoke: train, evaluate and the bad-key error work on Spark 3.5 / Scala 2.12" \
     "($(cat "$work/metrics.json"))" >&2
