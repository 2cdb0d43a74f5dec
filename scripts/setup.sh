#!/usr/bin/env bash
# Installs, on a Debian machine, what the command at hand needs and is missing, and nothing
# else:
#   scripts/setup.sh build      java (17+) and maven: building the jar, running the CLI locally
#   scripts/setup.sh data       the Fashion-MNIST data package (the fashion-mnist examples)
#   scripts/setup.sh numpy      python3-numpy (the .npy fixture check of the test command)
#   scripts/setup.sh compose    a compose client (docker compose or docker-compose) to check
#                               docker-compose.yml; the cluster scripts need Docker itself too
#   scripts/setup.sh all        all of the above: what the test command (scripts/test.sh) needs
# Several needs can be given at once; no argument means all. Idempotent: what is there is not
# touched, and nothing runs apt-get unless something is missing.
#
# Exit codes: 0 everything needed is there (now); 2 an unknown need; 5 something needed is
# missing and cannot be installed here (not root and no password-less sudo, no apt-get, or
# apt-get failed, e.g. without network): one line on stderr names the packages and what to do,
# apt-get's own output goes to a log file that line names.
set -euo pipefail

[ $# -gt 0 ] || set -- all
needs=()
for need in "$@"; do
  case "$need" in
    all) needs+=(build data numpy compose) ;;
    build|data|numpy|compose) needs+=("$need") ;;
    *) echo "scripts/setup.sh: unknown need '$need'; expected build, data, numpy, compose or all" >&2
       exit 2 ;;
  esac
done

missing=()
want() {  # want NEED: true when NEED was asked for
  local n
  for n in "${needs[@]}"; do [ "$n" = "$1" ] && return 0; done
  return 1
}
if want build; then
  java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1 || true)
  [ -n "$java_major" ] && [ "$java_major" -ge 17 ] || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
fi
if want data; then
  [ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] \
    || missing+=(dataset-fashion-mnist)
fi
if want numpy; then
  /usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
fi
if want compose; then
  # `docker compose config` needs no engine; Debian's docker-compose provides the check where
  # the Docker client has no compose plugin.
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 \
    || missing+=(docker-compose)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

cannot() {  # cannot REASON: the one line, exit 5
  echo "scripts/setup.sh: cannot install ${missing[*]}: $1" >&2
  exit 5
}
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null \
    || cannot "not root and no password-less sudo; install them yourself (sudo apt-get install ${missing[*]}) and rerun"
  sudo="sudo -n"
fi
command -v apt-get >/dev/null 2>&1 \
  || cannot "no apt-get on this machine; install them with its package manager and rerun"
log=$(mktemp "${TMPDIR:-/tmp}/sparkmlp-setup.XXXXXX.log")
echo "installing: ${missing[*]} (log: $log)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cannot "apt-get failed (no network, or no such package in the configured sources?); see $log, then install them yourself and rerun"
fi
rm -f "$log"
