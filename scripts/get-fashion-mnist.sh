#!/usr/bin/env bash
# Installs Fashion-MNIST (IDX, gzip) from Debian's dataset-fashion-mnist package into
# /usr/share/datasets/fashion-mnist/, unless it is there already (scripts/setup.sh data: an
# install that cannot run ends with one line and exit 5).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=/usr/share/datasets/fashion-mnist
"$root/scripts/setup.sh" data
echo "Fashion-MNIST is in $dir"
ls -la "$dir"
