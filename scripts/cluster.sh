#!/usr/bin/env bash
# A Spark standalone cluster on this machine, on loopback only (127.0.0.1), run from the
# project's own provided-scope dependency jars (no Spark download needed):
#   scripts/cluster.sh start [--auth]
#                               builds target/spark-home/jars/ when missing or outdated, starts a
#                               master (port 7077, web UI 8080, or free ports near them when
#                               taken) and two 1-core workers; waits until both are registered.
#                               Idempotent: starts only what is not running. With --auth the
#                               daemons require Spark's shared-secret authentication
#                               (spark.authenticate): a random secret is written to
#                               target/cluster/conf/spark-defaults.conf (mode 0600), which
#                               scripts/submit.sh passes to drivers of this cluster and the CLI
#                               reads with SPARK_CONF_DIR=target/cluster/conf; a driver without
#                               it cannot register.
#   scripts/cluster.sh stop     stops the workers (and their executors) and the master, and waits.
#   scripts/cluster.sh status   prints the master URL and the workers alive; exits 1 unless the
#                               master and both workers are up.
#   scripts/cluster.sh jars     only builds target/spark-home/jars/ (used by scripts/submit.sh).
# The master URL is written to target/cluster/master-url; logs go to target/cluster/logs/, pids
# to target/cluster/*.pid, the workers' work and scratch dirs to target/cluster/worker-N/.
# Environment: SPARKMLP_WORKER_MEMORY (2g), SPARKMLP_WORKER_CORES (1), SPARK_DAEMON_MEMORY (1g),
# SPARKMLP_CLUSTER_TIMEOUT (seconds to wait for the cluster, 120), SPARKMLP_MVN_FLAGS (extra
# flags for mvn, e.g. -o).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

spark_home=$root/target/spark-home
state=$root/target/cluster
logs=$state/logs
log_conf=$root/conf/log4j2.properties
num_workers=2
worker_cores=${SPARKMLP_WORKER_CORES:-1}
worker_memory=${SPARKMLP_WORKER_MEMORY:-2g}
daemon_memory=${SPARK_DAEMON_MEMORY:-1g}
timeout_s=${SPARKMLP_CLUSTER_TIMEOUT:-120}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mapfile -t jvm_opts < <(grep -v -e '^#' -e '^[[:space:]]*$' scripts/jvm-options)

say() { echo "cluster: $*"; }
die() { echo "cluster: $*" >&2; exit 1; }

# --- target/spark-home: jars/ with Spark's runtime dependencies, as a Spark distribution has --

mvn_quiet() {  # LOG ARGS...: mvn, its output in LOG, shown only when it fails
  local log=$1
  shift
  # shellcheck disable=SC2086  # SPARKMLP_MVN_FLAGS is a list of flags
  if ! mvn -q -B ${SPARKMLP_MVN_FLAGS:-} "$@" >"$log" 2>&1; then
    cat "$log" >&2
    die "mvn $* failed"
  fi
}

# target/spark-home/jars/ must hold exactly the provided-scope dependencies. Checked against a
# hash of pom.xml; when the pom changed, against Maven's dependency list (a pom change that
# leaves the dependencies alone costs one quick mvn run, not a 320 MiB copy).
ensure_spark_home() {
  local stamp=$spark_home/.pom.sha256 want tmp
  want=$(sha256sum pom.xml | cut -d' ' -f1)
  mkdir -p "$spark_home/conf"
  if [ -d "$spark_home/jars" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if [ -d "$spark_home/jars" ]; then
    mvn_quiet "$spark_home/mvn.log" dependency:build-classpath -DincludeScope=provided \
      -Dmdep.outputFile="$spark_home/classpath.txt"
    if [ "$(tr ':' '\n' < "$spark_home/classpath.txt" | sed 's|.*/||' | sort)" = \
         "$(find "$spark_home/jars" -name '*.jar' -printf '%f\n' | sort)" ]; then
      echo "$want" > "$stamp"
      return 0
    fi
  fi
  say "building target/spark-home/jars from the provided-scope dependencies ..."
  tmp=$spark_home/jars.tmp
  rm -rf "$tmp"
  mvn_quiet "$spark_home/mvn.log" dependency:copy-dependencies -DincludeScope=provided \
    -DoutputDirectory="$tmp"
  compgen -G "$tmp/spark-core_*.jar" >/dev/null || die "no spark-core jar in $tmp"
  rm -rf "$spark_home/jars"
  mv "$tmp" "$spark_home/jars"
  echo "$want" > "$stamp"
  say "target/spark-home/jars: $(find "$spark_home/jars" -name '*.jar' | wc -l) jars"
}

# --- processes ---------------------------------------------------------------------------------

# Whether PID is a live (not zombie) process.
alive() {
  local cmd
  cmd=$(tr -d '\0' 2>/dev/null < "/proc/$1/cmdline") || return 1
  [ -n "$cmd" ]
}

# The pid of daemon NAME (master, worker-1, ...) when it is running, as recorded in its pid file
# and still this cluster's process; nothing (and status 1) otherwise.
daemon_pid() {
  local f=$state/$1.pid pid cmd
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  cmd=$(tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline") || return 1
  [[ $cmd == *"$spark_home/jars"* && $cmd == *org.apache.spark.deploy.* ]] || return 1
  echo "$pid"
}

children_of() {  # PID -> the pids of its child processes
  local d stat fields
  for d in /proc/[0-9]*; do
    stat=$(cat "$d/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"   # drop "pid (comm) ", comm may hold spaces: state ppid ...
    [ "${fields[1]:-}" = "$1" ] && echo "${d#/proc/}"
  done
  return 0
}

# Sends TERM to PID, waits up to SECONDS for it to exit, then KILLs it.
terminate() {
  local pid=$1 wait_s=$2 i
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  echo "cluster: pid $pid did not exit within ${wait_s}s; killing it" >&2
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  echo "cluster: pid $pid is still there" >&2
  return 1
}

# Starts daemon NAME detached (own session, so ^C in the calling shell does not reach it) with
# MEMORY heap and the given environment assignments, JVM options, class and arguments:
#   launch NAME MEMORY [VAR=VALUE ...] -- [-Dkey=value ...] CLASS ARGS...
launch() {
  local name=$1 mem=$2 pidf=$state/$1.pid log=$logs/$1.log envs=() i
  shift 2
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  rm -f "$pidf"
  [ -f "$log" ] && mv -f "$log" "$log.old"
  launched+=("$name")
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$pidf" \
    env SPARK_HOME="$spark_home" SPARK_CONF_DIR="$spark_home/conf" SPARK_SCALA_VERSION=2.13 \
        SPARK_LOCAL_IP=127.0.0.1 OPENBLAS_NUM_THREADS=1 "${envs[@]}" \
    "$java" "-Xmx$mem" "${jvm_opts[@]}" "-Dlog4j2.configurationFile=$log_conf" \
      -cp "$spark_home/jars/*" "$@" </dev/null >"$log" 2>&1 &
  for ((i = 0; i < 50; i++)); do
    [ -s "$pidf" ] && return 0
    sleep 0.1
  done
  die "could not start $name (no pid file)"
}

# --- ports and the master's JSON ---------------------------------------------------------------

port_in_use() { timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null; }

# The first port from START on that nothing listens on and is not among the further arguments.
pick_port() {
  local start=$1 p skip
  shift
  for ((p = start; p < start + 200; p++)); do
    skip=0
    for x in "$@"; do [ "$x" = "$p" ] && skip=1; done
    [ $skip = 1 ] && continue
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free port in $start..$((start + 199))"
}

http_get() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS --noproxy '*' --max-time 5 "http://127.0.0.1:$1$2" 2>/dev/null
  else
    timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" || exit 1
      printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$1" >&3; cat <&3' "$1" "$2" \
      2>/dev/null | sed '1,/^\r\{0,1\}$/d'
  fi
}

ui_port() { cat "$state/master-webui-port" 2>/dev/null; }

master_json() {
  local p
  p=$(ui_port) || return 1
  http_get "$p" /json/
}

json_field() {  # JSON FIELD -> the value of a top-level number or string field
  grep -o "\"$2\" *: *[^,}]*" <<<"$1" | head -1 | sed -e 's/^[^:]*: *//' -e 's/"//g' -e 's/ *$//'
}

alive_workers() {
  local json n
  json=$(master_json) || return 1
  n=$(json_field "$json" aliveworkers)
  [[ $n =~ ^[0-9]+$ ]] || return 1
  echo "$n"
}

# --- commands ----------------------------------------------------------------------------------

launched=()   # the daemons this invocation started: their logs are the ones worth showing

print_log_tails() {
  local name f
  for name in "${launched[@]}"; do
    f=$logs/$name.log
    [ -f "$f" ] || continue
    echo "----- last lines of target/cluster/logs/$name.log -----" >&2
    tail -n 25 "$f" | cut -c1-300 >&2
  done
}

# --auth: the secret the daemons check, as a Spark properties file for drivers. The daemons
# inherit it through the environment (_SPARK_AUTH_SECRET, which Spark reads and hands on to the
# executors it starts), so it never shows on a command line.
auth_conf=$state/conf/spark-defaults.conf
auth_opts=()
prepare_auth() {  # WANTED(0|1)
  if [ "$1" = 1 ]; then
    if [ ! -s "$auth_conf" ]; then
      mkdir -p "$state/conf"
      (umask 077 && printf 'spark.authenticate true\nspark.authenticate.secret %s\n' \
        "$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" > "$auth_conf")
    fi
    auth_opts=(-Dspark.authenticate=true)
    _SPARK_AUTH_SECRET=$(sed -n 's/^spark\.authenticate\.secret //p' "$auth_conf")
    export _SPARK_AUTH_SECRET
  else
    rm -f "$auth_conf"
    unset _SPARK_AUTH_SECRET
  fi
}

cmd_start() {
  local auth=0 t0=$SECONDS wpid name i mport uport wport ports=() url deadline n json
  case "${1:-}" in
    --auth) auth=1 ;;
    "") ;;
    *) die "unknown option $1 (start takes --auth)" ;;
  esac
  mkdir -p "$logs"
  if daemon_pid master >/dev/null; then
    local running=0
    [ -s "$auth_conf" ] && running=1
    if [ $running != $auth ]; then
      die "a cluster is running $([ $running = 1 ] && echo with || echo without)" \
          "authentication; stop it first (scripts/cluster.sh stop)"
    fi
    n=$(alive_workers || echo 0)
    local all=1
    for ((i = 1; i <= num_workers; i++)); do daemon_pid "worker-$i" >/dev/null || all=0; done
    if [ $all = 1 ] && [ "$n" -ge $num_workers ]; then
      say "already running: $(cat "$state/master-url"), $n workers alive" \
          "(web UI http://127.0.0.1:$(ui_port)/)"
      return 0
    fi
  fi
  ensure_spark_home
  prepare_auth "$auth"

  if daemon_pid master >/dev/null; then
    uport=$(ui_port)
    url=$(cat "$state/master-url")
  else
    # Workers left from a master that is gone would keep calling its old address.
    for ((i = 1; i <= num_workers; i++)); do
      if wpid=$(daemon_pid "worker-$i"); then
        say "stopping worker-$i (pid $wpid): its master is gone"
        terminate "$wpid" 20 || true
      fi
    done
    mport=$(pick_port 7077)
    uport=$(pick_port 8080 "$mport")
    [ "$mport" = 7077 ] || say "port 7077 is taken; the master uses port $mport"
    [ "$uport" = 8080 ] || say "port 8080 is taken; the master's web UI uses port $uport"
    rm -f "$state/master-url"
    echo "$uport" > "$state/master-webui-port"
    # (No REST submission server: scripts/submit.sh submits in client mode.)
    launch master "$daemon_memory" -- -Dspark.master.rest.enabled=false \
      "${auth_opts[@]}" \
      org.apache.spark.deploy.master.Master \
      --host 127.0.0.1 --port "$mport" --webui-port "$uport"
    # The master's own word for its URL (it moves to another port if it lost a race for this).
    deadline=$((SECONDS + timeout_s))
    until json=$(master_json) && [ -n "$(json_field "$json" url)" ]; do
      if ! daemon_pid master >/dev/null; then
        print_log_tails; die "the master exited"
      fi
      if [ $SECONDS -ge $deadline ]; then
        print_log_tails; cmd_stop >/dev/null; die "the master's web UI did not answer in ${timeout_s}s"
      fi
      sleep 0.3
    done
    url=$(json_field "$json" url)
    echo "$url" > "$state/master-url"
    say "master $url up (web UI http://127.0.0.1:$uport/), pid $(daemon_pid master)$(
      [ $auth = 1 ] && echo ", authentication required (secret in target/cluster/conf/spark-defaults.conf)")"
  fi
  ports=("$uport")

  for ((i = 1; i <= num_workers; i++)); do
    name=worker-$i
    daemon_pid "$name" >/dev/null && continue
    wport=$(pick_port 8081 "${ports[@]}")
    ports+=("$wport")
    mkdir -p "$state/$name/local"
    launch "$name" "$daemon_memory" SPARK_LOCAL_DIRS="$state/$name/local" -- \
      "${auth_opts[@]}" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$worker_cores" \
      --memory "$worker_memory" --work-dir "$state/$name" --webui-port "$wport" "$url"
  done

  # Registered: each worker process says so in its log (its log starts with the process), and
  # the master counts them alive (it may still count a worker that just died, hence both).
  deadline=$((SECONDS + timeout_s))
  while :; do
    n=$(alive_workers || echo 0)
    local registered=0
    for ((i = 1; i <= num_workers; i++)); do
      grep -q "Successfully registered with master" "$logs/worker-$i.log" 2>/dev/null &&
        registered=$((registered + 1))
    done
    [ "$n" -ge $num_workers ] && [ $registered -eq $num_workers ] && break
    for ((i = 1; i <= num_workers; i++)); do
      if ! daemon_pid "worker-$i" >/dev/null; then
        print_log_tails; cmd_stop >/dev/null; die "worker-$i exited"
      fi
    done
    if [ $SECONDS -ge $deadline ]; then
      print_log_tails; cmd_stop >/dev/null
      die "only $n of $num_workers workers registered within ${timeout_s}s"
    fi
    sleep 0.3
  done
  say "running: $url, $n workers alive ($worker_cores core(s), $worker_memory each)," \
      "started in $((SECONDS - t0))s; logs in target/cluster/logs/"
}

cmd_stop() {
  local name pid c kids stopped=0
  for name in $(for ((i = num_workers; i >= 1; i--)); do echo "worker-$i"; done) master; do
    if pid=$(daemon_pid "$name"); then
      kids=$(children_of "$pid")
      terminate "$pid" 20 || true
      # Executors a worker started (it kills them itself on TERM; these are stragglers).
      for c in $kids; do
        if [[ $(tr '\0' ' ' 2>/dev/null < "/proc/$c/cmdline") == *CoarseGrainedExecutorBackend* ]]
        then
          terminate "$c" 10 || true
        fi
      done
      say "stopped $name (pid $pid)"
      stopped=1
    fi
    rm -f "$state/$name.pid"
  done
  rm -f "$state/master-url" "$state/master-webui-port" "$auth_conf"
  [ $stopped = 1 ] || say "not running"
}

cmd_status() {
  local pid n=0 i ok=0 url
  if ! pid=$(daemon_pid master); then
    say "not running"
    for ((i = 1; i <= num_workers; i++)); do
      pid=$(daemon_pid "worker-$i") && say "(worker-$i is, pid $pid: scripts/cluster.sh stop ends it)"
    done
    return 1
  fi
  url=$(cat "$state/master-url" 2>/dev/null || echo "?")
  say "master $url, pid $pid, web UI http://127.0.0.1:$(ui_port)/$(
    [ -s "$auth_conf" ] && echo ", authentication required")"
  for ((i = 1; i <= num_workers; i++)); do
    if pid=$(daemon_pid "worker-$i"); then
      say "worker-$i: pid $pid"
      ok=$((ok + 1))
    else
      say "worker-$i: not running"
    fi
  done
  n=$(alive_workers || echo 0)
  say "workers alive (registered with the master): $n"
  [ "$n" -ge $num_workers ] && [ $ok -eq $num_workers ]
}

case "${1:-}" in
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  jars) ensure_spark_home ;;
  *) echo "usage: scripts/cluster.sh start [--auth]|stop|status|jars" >&2; exit 2 ;;
esac
