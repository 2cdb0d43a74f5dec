#!/usr/bin/env bash
# Runs an example end to end on this machine, installing what it needs first.
#   scripts/example.sh seed            the founding example: makes data/x_train.npy and
#                                      data/y_train.npy, trains 100-64-10 with Adam, 10 epochs
#   scripts/example.sh fashion-mnist   784-256-128-10 on Fashion-MNIST (15 epochs by default;
#                                      pass another count as the next argument)
#   scripts/example.sh mllib-mlp [data.libsvm]
#                                      Spark's multilayer perceptron example, rewritten for
#                                      MLPClassifier (a generated stand-in without a file)
#   scripts/example.sh pipeline OUT_DIR [epochs]
#                                      Fashion-MNIST through a Spark ML Pipeline (StandardScaler,
#                                      MLPClassifier with early stopping), saved and reloaded
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
case "${1:-}" in
  fashion-mnist|pipeline) scripts/setup.sh build data ;;
  *) scripts/setup.sh build ;;
esac
case "${1:-}" in
  seed) shift; exec scripts/run-local.sh io.sparkmlp.examples.SeedExample "$@" ;;
  fashion-mnist) shift; exec scripts/run-local.sh io.sparkmlp.examples.FashionMnistExample "$@" ;;
  mllib-mlp) shift; exec scripts/run-local.sh io.sparkmlp.examples.MLlibMlpExample "$@" ;;
  pipeline) shift; exec scripts/run-local.sh io.sparkmlp.examples.FashionMnistPipelineExample "$@" ;;
  *) echo "usage: scripts/example.sh seed|fashion-mnist|mllib-mlp|pipeline [args...]" >&2; exit 2 ;;
esac
