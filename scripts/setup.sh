#!/usr/bin/env bash
# Installs what building, testing and the examples need on a fresh Debian machine with Java 17:
# Maven, the Fashion-MNIST data package, NumPy (for the .npy fixture script) and a compose
# checker for docker-compose.yml. Idempotent:
# installs only what is missing. Needs root (or sudo) for apt-get.
set -euo pipefail
missing=()
command -v mvn >/dev/null 2>&1 || missing+=(maven)
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)
/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1 || missing+=(python3-numpy)
# docker-compose.yml is checked with `docker compose config` (no engine needed); Debian's
# docker-compose provides the check where the Docker client has no compose plugin.
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 \
  || missing+=(docker-compose)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >&2
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
