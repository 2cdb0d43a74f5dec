#!/usr/bin/env bash
# Integration test (CI): trains DistributedSeedExample on a real Spark standalone cluster (a
# master and two 1-core workers on 127.0.0.1, scripts/cluster.sh, started with --auth so that
# it requires Spark's shared-secret authentication) and in local[2], with the same seed and
# partitioning, and checks that both save byte-identical weights.bin files: the result must not
# depend on the deployment. On an authenticated cluster it also checks that a driver without
# the secret is refused. Builds the jar, starts the cluster and stops it on exit
# (also on failure or ^C), unless a cluster was already running, which it then uses and leaves
# running. Ends with the line "cluster-test: N passed, M failed"; exits 1 on failure.
# Environment: SPARKMLP_MVN_FLAGS (extra mvn flags, e.g. -o), SPARKMLP_IT_TIMEOUT (seconds per
# run, 480).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

main=io.sparkmlp.examples.DistributedSeedExample
args=(2 3 4000)   # partitions, epochs, rows
out=target/it
run_timeout=${SPARKMLP_IT_TIMEOUT:-480}   # seconds, per run

say() { echo "cluster-test: $*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

started=0      # whether this script started the cluster (and so stops it)
finished=0
checks=()      # the checks that passed, for the verdict

stop_cluster() {
  if [ $started = 1 ]; then
    started=0
    scripts/cluster.sh stop || { say "FAIL: scripts/cluster.sh stop failed"; return 1; }
  fi
}

# The verdict: stops the cluster first, so that the summary is the last line.
result() {  # PASSED(1|0)
  local passed=$1 c
  if [ "$passed" = 1 ]; then
    for c in "${checks[@]}"; do say "PASS: $c"; done
  fi
  stop_cluster || passed=0
  finished=1
  if [ "$passed" = 1 ]; then
    say "${#checks[@]} passed, 0 failed"
    exit 0
  fi
  say "${#checks[@]} passed, 1 failed"
  exit 1
}
fail() {
  say "FAIL: $*"
  result 0
}

# Any other way out (an unexpected error, ^C): stop the cluster and report a failure.
cleanup() {
  local rc=$?
  [ $finished = 1 ] && exit $rc
  finished=1
  say "FAIL: stopped early (status $rc)"
  if [ -n "$run_pid" ]; then   # a run in flight: timeout passes the TERM on to it
    kill -TERM "$run_pid" 2>/dev/null || true
    wait "$run_pid" 2>/dev/null || true
  fi
  stop_cluster || true
  say "${#checks[@]} passed, 1 failed"
  [ $rc = 0 ] && rc=1
  exit $rc
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

t0=$(now)
rm -rf "$out"
mkdir -p "$out"
say "building the jar ..."
# shellcheck disable=SC2086  # SPARKMLP_MVN_FLAGS is a list of flags
if ! mvn -q -B ${SPARKMLP_MVN_FLAGS:-} -DskipTests package >"$out/mvn.log" 2>&1; then
  cat "$out/mvn.log"
  fail "mvn package failed"
fi
# The CLI's launcher (scripts/run-local.sh) needs the class path; with SPARKMLP_SKIP_BUILD it
# would not make it.
# shellcheck disable=SC2086
mvn -q -B ${SPARKMLP_MVN_FLAGS:-} dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt >>"$out/mvn.log" 2>&1 || fail "mvn build-classpath failed"
export SPARKMLP_SKIP_BUILD=1

if scripts/cluster.sh status >/dev/null 2>&1; then
  say "using the cluster that is already running (it stays running)"
else
  started=1
  t=$(now)
  scripts/cluster.sh start --auth || fail "the cluster did not start"
  say "cluster started in $(secs "$t" "$(now)")s"
fi
master=$(cat target/cluster/master-url)

# run NAME MASTER: the example into $out/NAME; its output (stdout and stderr) in $out/NAME.log,
# followed on screen. Bounded: a run that hangs (say, an app that never gets executors) is
# stopped after $run_timeout s. Runs in the background so that a signal to this script stops it.
run_pid=""
run() {
  local name=$1 master=$2 t rc=0 tail_pid
  say "$name run: scripts/submit.sh --master '$master' $main $out/$name ${args[*]}"
  t=$(now)
  : >"$out/$name.log"
  timeout -k 30 "$run_timeout" scripts/submit.sh --master "$master" "$main" "$out/$name" \
    "${args[@]}" >"$out/$name.log" 2>&1 &
  run_pid=$!
  tail -n +1 -f --pid="$run_pid" "$out/$name.log" &
  tail_pid=$!
  wait "$run_pid" || rc=$?
  run_pid=""
  wait "$tail_pid" || true
  printf -v "${name}_s" %s "$(secs "$t" "$(now)")"
  [ "$rc" = 0 ] || fail "the $name run exited with status $rc$( [ "$rc" = 124 ] &&
                        echo " (timed out after ${run_timeout}s)")"
  [ -f "$out/$name/weights.bin" ] || fail "the $name run saved no $out/$name/weights.bin"
}

run cluster "$master"
grep -q "^master spark://" "$out/cluster.log" || fail "the cluster run did not run on a spark:// master"
run local 'local[2]'

say "cluster run ${cluster_s}s, local[2] run ${local_s}s (whole JVMs: startup, data, training," \
    "saving); per epoch:"
# The epoch lines are logged (ProgressLogger, INFO): "<date> <time> INFO ProgressLogger: Epoch 1/3 ...".
paste -d'\n' <(grep -o 'ProgressLogger: Epoch .*' "$out/cluster.log" | sed 's/^ProgressLogger: /  cluster:  /') \
             <(grep -o 'ProgressLogger: Epoch .*' "$out/local.log" | sed 's/^ProgressLogger: /  local[2]: /')
say "total $(secs "$t0" "$(now)")s"

if cmp -s "$out/cluster/weights.bin" "$out/local/weights.bin"; then
  kind=$([ -s target/cluster/conf/spark-defaults.conf ] && echo "authenticated cluster" || echo "cluster")
  checks+=("the $kind and local[2] runs saved byte-identical weights.bin")
else
  cmp "$out/cluster/weights.bin" "$out/local/weights.bin" || true
  fail "weights.bin differs between the cluster and the local[2] run"
fi

# The CLI as users start it (scripts/sparkmlp: a driver started with java -cp, which must ship
# its own jar to the executors) on the cluster and in local[2]: the same config must save the
# same weights. Its secret comes from the cluster's spark-defaults.conf, as with spark-submit.
cli_train() {  # NAME MASTER [--resume]: trains into $out/cli-NAME
  local name=$1 master=$2 t rc=0
  shift 2
  say "CLI $name run: scripts/sparkmlp train --config $out/cli.yaml --master '$master' $*"
  t=$(now)
  SPARK_CONF_DIR=$root/target/cluster/conf timeout -k 30 "$run_timeout" scripts/sparkmlp train \
    --config "$out/cli.yaml" --master "$master" --output "$out/cli-$name" "$@" \
    >>"$out/cli-$name.log" 2>&1 || rc=$?
  printf -v cli_rc %s "$rc"
  say "CLI $name run: $(secs "$t" "$(now)")s, exit $rc"
}
cli_ok() {  # NAME: the run ended well and saved weights
  [ "$cli_rc" = 0 ] || { tail -n 20 "$out/cli-$1.log"; fail "the CLI $1 run exited with status $cli_rc"; }
  [ -f "$out/cli-$1/weights.bin" ] || fail "the CLI $1 run saved no weights.bin"
}
# Waits (in the background) until the log of run NAME shows "Epoch E/", then kills -9 the
# first process whose command line matches PATTERN; records the pid in $out/killed-NAME.
kill_after_epoch() {  # NAME EPOCH PATTERN
  local name=$1 epoch=$2 pattern=$3 pid deadline=$((SECONDS + run_timeout))
  while [ $SECONDS -lt $deadline ]; do
    if grep -q "Epoch $epoch/" "$out/cli-$name.log" 2>/dev/null; then
      pid=$(pgrep -f -- "$pattern" | head -n 1)
      [ -n "$pid" ] && kill -KILL "$pid" && echo "$pid" > "$out/killed-$name"
      return 0
    fi
    sleep 0.2
  done
}
/usr/bin/python3 - "$out" <<'PY'
import sys, numpy as np
rng = np.random.default_rng(7)
x = rng.normal(size=(3000, 20)).astype("<f4")
y = (x[:, 0] + x[:, 1] > 0).astype("<i8") + (x[:, 2] > 1)
np.save(sys.argv[1] + "/x.npy", x)
np.save(sys.argv[1] + "/y.npy", y)
PY
cat >"$out/cli.yaml" <<YAML
distributed: {partitions: 2}
data:
  format: npy
  train: {x: $root/$out/x.npy, y: $root/$out/y.npy}
model:
  seed: 3
  layers:
    - {type: dense, units: 16, activation: relu, input_dim: 20}
    - {type: dense, units: 3, activation: softmax}
compile: {loss: sparse_categorical_crossentropy, optimizer: adam, metrics: [accuracy]}
fit: {batch_size: 100, epochs: 4}
output: {dir: $root/$out/cli}
YAML
cli_train local 'local[2]'
cli_ok local
# On the cluster, an executor is killed (kill -9) after the first epoch: Spark starts another
# and reruns the lost tasks; the weights must not change.
kill_after_epoch cluster 1 CoarseGrainedExecutorBackend &
cli_train cluster "$master"
wait
cli_ok cluster
[ -s "$out/killed-cluster" ] || fail "no executor was killed during the CLI cluster run"
cmp -s "$out/cli-cluster/weights.bin" "$out/cli-local/weights.bin" ||
  fail "the CLI saved different weights on the cluster (one executor killed) and in local[2]"
checks+=("the CLI (scripts/sparkmlp --master spark://...) trained on the $kind, one executor killed mid-training, to the weights of local[2]")
# The driver is killed (kill -9) after the second epoch; the same command with --resume
# continues from the checkpoint and must end with the same weights.
kill_after_epoch resumed 2 "io.sparkmlp.cli.Main train .*$out/cli-resumed" &
cli_train resumed "$master"
wait
[ -s "$out/killed-resumed" ] || fail "the driver was not killed during the CLI run"
[ "$cli_rc" != 0 ] || fail "the killed driver exited 0"
[ -d "$out/cli-resumed.checkpoint" ] || fail "the killed run left no checkpoint"
cli_train resumed "$master" --resume
cli_ok resumed
cmp -s "$out/cli-resumed/weights.bin" "$out/cli-local/weights.bin" ||
  fail "the CLI run resumed after a driver kill saved other weights than local[2]"
checks+=("the CLI driver killed after epoch 2 and rerun with --resume ended with the weights of local[2]")

# A driver without the secret (its --conf overrides the properties file submit.sh passes) must
# not get executors: the master drops its connections until Spark gives up registering ("All
# masters are unresponsive"), about a minute. The JVM may linger after that, so it is stopped
# once the refusal is logged.
if [ -s target/cluster/conf/spark-defaults.conf ]; then
  say "a driver without the cluster's secret (expected to be refused) ..."
  t=$(now)
  refused="All masters are unresponsive"
  scripts/submit.sh --conf spark.authenticate=false "$main" "$out/noauth" 2 1 200 \
    >"$out/noauth.log" 2>&1 &
  run_pid=$!
  deadline=$((SECONDS + 240))
  while [ $SECONDS -lt $deadline ]; do
    grep -q "$refused" "$out/noauth.log" && break
    kill -0 "$run_pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM "$run_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  run_pid=""
  [ ! -e "$out/noauth/weights.bin" ] || fail "a driver without the secret saved a model"
  grep -q "$refused" "$out/noauth.log" ||
    fail "a driver without the secret was not refused within 240 s (see $out/noauth.log)"
  checks+=("a driver without the secret was refused after $(secs "$t" "$(now)")s")
fi
result 1
