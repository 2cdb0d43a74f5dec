#!/usr/bin/env bash
# Runs an example end to end on this machine, installing what it needs first.
#   scripts/example.sh seed            the founding example: makes data/x_train.npy and
#                                      data/y_train.npy, trains 100-64-10 with Adam, 10 epochs
#   scripts/example.sh fashion-mnist   784-256-128-10 on Fashion-MNIST (15 epochs by default;
#                                      pass another count as the next argument)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
case "${1:-}" in
  seed) shift; exec scripts/run-local.sh io.sparkmlp.examples.SeedExample "$@" ;;
  fashion-mnist) shift; exec scripts/run-local.sh io.sparkmlp.examples.FashionMnistExample "$@" ;;
  *) echo "usage: scripts/example.sh seed|fashion-mnist [args...]" >&2; exit 2 ;;
esac
