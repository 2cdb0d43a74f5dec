#!/usr/bin/env bash
# One optimizer step on the 235,146 parameters of the 784-256-128-10 network, pinned to one
# core (OptimizerStepBench): exact steps, local steps (with the squared-gradient estimate) and
# exact steps where half the gradient stays zero. Builds the project first when needed.
#   benchmarks/optimizer-step.sh [optimizers=adam,rmsprop,adagrad,sgd] [steps=2000]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[ -f target/classes/io/sparkmlp/optim/Adam.class ] || mvn -q -B -DskipTests compile >&2
[ -s target/classpath.txt ] || mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp="target/classes:$(cat target/classpath.txt)"
javac -nowarn --release 17 -d "$work" -cp "$cp" \
  benchmarks/java/io/sparkmlp/bench/OptimizerStepBench.java
pin=()
command -v taskset >/dev/null && pin=(taskset -c "${BENCH_CPU:-0}")
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), core ${BENCH_CPU:-0}"
"${pin[@]}" java -Xmx2g -cp "$work:$cp" \
  io.sparkmlp.bench.OptimizerStepBench "$@"
