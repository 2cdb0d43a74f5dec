#!/usr/bin/env bash
# MLlib's MultilayerPerceptronClassifier (L-BFGS) against sparkmlp's MLPClassifier (Adam) on
# Fashion-MNIST, 784-256-128-10, same Spark session and cached DataFrames: fit wall time and
# test accuracy of each, as a Markdown table. local[2] unless BENCH_MASTER is set.
#   benchmarks/mllib-comparison.sh [mllibIters=100] [epochs=2] [batch=256] [lr=0.003] [syncEvery=8] [both|mllib|sparkmlp]
# BENCH_JAVA_OPTS=-Dbench.sparkmlpRuns=2 fits sparkmlp twice in the JVM (cold, then warm).
set -euo pipefail
# MLlib's native BLAS (when it loads) must not start threads inside Spark's tasks.
export OPENBLAS_NUM_THREADS=1
# MLlib's best kernels, as for every OpenBLAS peer: OpenBLAS picks them itself, or
# openblas-coretype.sh where it does not know the CPU (sparkmlp does not use OpenBLAS here).
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
peer_core=$("$(dirname "${BASH_SOURCE[0]}")/openblas-coretype.sh")
[ -z "$peer_core" ] || export OPENBLAS_CORETYPE=$peer_core
exec "$(dirname "${BASH_SOURCE[0]}")/spark-bench.sh" MllibComparisonBench "$@"
