#!/usr/bin/env bash
# Installs Fashion-MNIST (IDX, gzip) from Debian's dataset-fashion-mnist package into
# /usr/share/datasets/fashion-mnist/, unless it is there already.
set -euo pipefail
dir=/usr/share/datasets/fashion-mnist
if [ -f "$dir/train-images-idx3-ubyte.gz" ]; then
  echo "Fashion-MNIST is in $dir"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q dataset-fashion-mnist
ls -la "$dir"
