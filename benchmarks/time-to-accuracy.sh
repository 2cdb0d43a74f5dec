#!/usr/bin/env bash
# Time to 88% test accuracy on Fashion-MNIST (784-256-128-10 ReLU, softmax, Adam batch 128
# unless the row says otherwise) for PyTorch and sparkmlp's trainers, against MLlib, plus a
# small generated tabular set against MLlib: ONE Markdown table on stdout and in
# target/bench/time-to-accuracy.md (issue 12, item 4). Every row runs in a process of its own,
# one after the other; see benchmarks/README.md for what each column measures.
#   benchmarks/time-to-accuracy.sh
# Rows: a PyTorch (torch 1 thread + OpenBLAS 2 threads, benchmarks/torch_fmnist.py),
#   b sparkmlp without Spark (Sequential.fit, 1 thread), c local[2] exact steps, d local[2]
#   sync_every auto, e local[2] L-BFGS, f MLlib MultilayerPerceptronClassifier (L-BFGS),
#   g the standalone cluster of scripts/cluster.sh (started and stopped here), h the tabular
#   set: MLlib (h1), sparkmlp Adam with local steps (h2), sparkmlp L-BFGS (h3).
# Environment (defaults: an estimated 10-15 minutes on 2 idle AVX2 cores, mostly rows c, e, f):
#   TTA_ROWS="a b c d e f g h"  which rows      TTA_EPOCHS=12         epochs of the Adam rows
#   TTA_SYNC_EVERY=auto   sync_every of rows d, g and h2 (a number where auto is missing)
#   TTA_LBFGS_ITERS=100   row e's max_iter      TTA_MLLIB_ITERS=100   row f's maxIter
#   TTA_TABULAR_EPOCHS=20 TTA_TABULAR_ITERS=100 (h2's epochs; h1's and h3's iterations)
#   TTA_TABULAR_ACTIVATION=tanh  h2's and h3's hidden layers (MLlib's are always sigmoid; the
#                         teacher is a tanh network)   TTA_TABULAR_LR=0.01  h2's Adam rate
#   TTA_TARGET=0.88       TTA_CLUSTER=0 skips g  TTA_TORCH_THREADS=1 TTA_TORCH_BLAS_THREADS=2
#   TTA_TORCH_FLUSH_DENORMAL=1  row a with torch.set_flush_denormal(True), PyTorch at its best
#                         (sparkmlp zeroes subnormal optimizer state itself); 0: as it comes
#   TTA_MLLIB_BLAS=native|java  MLlib's GEMMs (default: native where libblas.so.3 is OpenBLAS,
#                         else netlib's Java BLAS, faster than Debian's reference BLAS)
# A row whose setting this build lacks (sync_every auto, optimizer lbfgs) or whose tool is
# missing (PyTorch) is listed as skipped with the reason; a failed row names its log,
# target/bench/tta/ROW.log.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

rows=" ${TTA_ROWS:-a b c d e f g h} "
epochs=${TTA_EPOCHS:-12}
sync=${TTA_SYNC_EVERY:-auto}
lbfgs_iters=${TTA_LBFGS_ITERS:-100}
mllib_iters=${TTA_MLLIB_ITERS:-100}
tab_epochs=${TTA_TABULAR_EPOCHS:-20}
tab_iters=${TTA_TABULAR_ITERS:-100}
tab_lr=${TTA_TABULAR_LR:-0.01}
tab_act=${TTA_TABULAR_ACTIVATION:-tanh}
target=${TTA_TARGET:-0.88}
out=target/bench/tta
table=target/bench/time-to-accuracy.md
want() { [[ $rows == *" $1 "* ]]; }

# --- build: the jar (when sources changed), Spark's classpath, the bench classes -----------
scripts/setup.sh
jar=target/sparkmlp-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]; then
  echo "building $jar ..." >&2
  mvn -q -B -DskipTests package >&2
fi
if [ ! -s target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ]; then
  mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
fi
cp="$root/$jar:$(cat target/classpath.txt)"
classes=target/bench/classes
rm -rf "$classes" "$out"
mkdir -p "$classes" "$out"
javac -nowarn --add-modules jdk.incubator.vector --release 17 -d "$classes" -cp "$cp" \
  benchmarks/java/io/sparkmlp/bench/{TimeToAccuracyBench,AccuracyClock,TeacherData,BenchSession}.java \
  2> >(grep -v incubat >&2 || true)
(cd "$classes" && jar cf ../tta-bench.jar io)
mapfile -t jvm_opts < <(grep -v -e '^#' -e '^[[:space:]]*$' scripts/jvm-options)

# Which BLAS PyTorch and MLlib's native path get: whatever libblas.so.3 resolves to.
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)
# OpenBLAS's best kernels for the peers on this CPU (PyTorch, MLlib's native GEMMs).
peer_core=$(benchmarks/openblas-coretype.sh)
peer_env=(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${peer_core:+OPENBLAS_CORETYPE=$peer_core})
case $blas in
  *openblas*) mllib_blas=${TTA_MLLIB_BLAS:-native}
              blas_note="libblas.so.3 is OpenBLAS ($blas); MLlib's GEMMs: $mllib_blas"
              [ -z "$peer_core" ] || blas_note+="; OPENBLAS_CORETYPE=$peer_core for PyTorch \
and MLlib (this OpenBLAS does not know the CPU and would run its generic Prescott kernels)" ;;
  *) mllib_blas=${TTA_MLLIB_BLAS:-java}
     blas_note="libblas.so.3 is $blas, not OpenBLAS: PyTorch (row a) runs on it, many times \
slower than with OpenBLAS, so it is not a fair peer here (install libopenblas0-pthread); MLlib's \
GEMMs: $mllib_blas (java: netlib's Java BLAS, faster than the reference BLAS)" ;;
esac

# --- one row per process --------------------------------------------------------------------
failed() {  # ROW WHY: a row that produced no result
  printf '{"row": "%s", "failed": "%s, see %s/%s.log"}\n' "$1" "$2" "$out" "$1" > "$out/$1.json"
}
java_row() {  # ROW [-Dspark...] key=value...: one TimeToAccuracyBench run
  local row=$1
  shift
  local props=()
  while [ $# -gt 0 ] && [[ $1 == -D* ]]; do props+=("$1"); shift; done
  echo "== row $row: $*" >&2
  # One BLAS thread per task: MLlib's native BLAS must not start a pool inside Spark's tasks.
  # MLlib's rows get the peers' kernels (sparkmlp's rows do not use OpenBLAS).
  "${peer_env[@]}" OPENBLAS_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1 java -Xmx6g "${jvm_opts[@]}" \
    "-Dlog4j2.configurationFile=$root/conf/log4j2.properties" "${props[@]}" \
    -cp "$root/target/bench/tta-bench.jar:$cp" io.sparkmlp.bench.TimeToAccuracyBench \
    "row=$row" "out=$out/$row.json" "$@" 2>&1 \
    | grep --line-buffered -vE 'incubator modules| WARN ' | tee "$out/$row.log" >&2 || true
  [ -s "$out/$row.json" ] || failed "$row" "no result (exit status or exception in the log)"
}

if want a; then
  echo "== row a: PyTorch" >&2
  if /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
    # As ../shared/bench/README.md: OpenBLAS picks its own kernels in this command only
    # (where it does not know the CPU, openblas-coretype.sh's).
    "${peer_env[@]}" /usr/bin/python3 benchmarks/torch_fmnist.py \
      --epochs "$epochs" --threads "${TTA_TORCH_THREADS:-1}" \
      --blas-threads "${TTA_TORCH_BLAS_THREADS:-2}" \
      $([ "${TTA_TORCH_FLUSH_DENORMAL:-1}" = 0 ] || echo --flush-denormal) \
      --json "$out/a.json" 2>&1 \
      | tee "$out/a.log" >&2 || true
    [ -s "$out/a.json" ] || failed a "torch_fmnist.py failed"
  else
    echo '{"row": "a", "skipped": "no PyTorch: apt-get install python3-torch python3-numpy"}' \
      > "$out/a.json"
  fi
fi
want b && java_row b mode=inprocess "epochs=$epochs"
want c && java_row c mode=spark "epochs=$epochs" sync=1
want d && java_row d mode=spark "epochs=$epochs" "sync=$sync"
want e && java_row e mode=lbfgs "iters=$lbfgs_iters"
want f && java_row f mode=mllib "iters=$mllib_iters" "mllib_blas=$mllib_blas"
if want g; then
  if [ "${TTA_CLUSTER:-1}" = 0 ]; then
    echo '{"row": "g", "skipped": "TTA_CLUSTER=0"}' > "$out/g.json"
  else
    started=0
    if ! scripts/cluster.sh status >/dev/null 2>&1; then
      scripts/cluster.sh start >&2
      started=1
      trap 'scripts/cluster.sh stop >&2 || true' EXIT
    fi
    java_row g "-Dspark.master=$(cat target/cluster/master-url)" \
      "-Dspark.jars=$root/$jar,$root/target/bench/tta-bench.jar" \
      "-Dspark.executor.extraJavaOptions=$(grep -v '^#' scripts/jvm-options | tr '\n' ' ')" \
      -Dspark.executorEnv.OPENBLAS_NUM_THREADS=1 -Dspark.driver.host=127.0.0.1 \
      mode=spark "epochs=$epochs" "sync=$sync"
    if [ "$started" = 1 ]; then
      scripts/cluster.sh stop >&2
      trap - EXIT
    fi
  fi
fi
if want h; then
  java_row h1 mode=tabular-mllib "iters=$tab_iters" "mllib_blas=$mllib_blas"
  java_row h2 mode=tabular-adam "epochs=$tab_epochs" "sync=$sync" "lr=$tab_lr" "act=$tab_act"
  java_row h3 mode=tabular-lbfgs "iters=$tab_iters" "act=$tab_act"
fi

# --- the table ------------------------------------------------------------------------------
files=()
for r in a b c d e f g h1 h2 h3; do
  [ -f "$out/$r.json" ] && files+=("$out/$r.json")
done
cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
avx=$(grep -q avx512f /proc/cpuinfo && echo AVX-512 || echo "AVX2, no AVX-512")
{
  echo "## Time to $(awk "BEGIN{print 100*$target}")% test accuracy"
  echo
  /usr/bin/python3 benchmarks/tta_table.py "$target" "${files[@]}"
  echo
  echo "- Seconds of training from the fit call; each epoch's (iteration's) test evaluation is"
  echo "  excluded, for every row. Start-up: JVM start to a Spark session that has run one job"
  echo "  (PyTorch: interpreter start to torch imported); data: reading the training data and"
  echo "  caching it where the trainer reads it. MLlib's fit gives one point (its final"
  echo "  accuracy), so its time to ${target} is an upper bound (≤)."
  echo "- \"s to MLlib's final acc\": the first epoch (iteration) of the row that reaches the final"
  echo "  accuracy of MLlib on the same data set (Fashion-MNIST: row f; tabular: row h1)."
  echo "- Tabular set: TeacherData (20 features, 4 classes, 24,000 training and 6,000 test rows"
  echo "  from a fixed-seed tanh teacher with 5% label noise), network 20-64-32-4: sigmoid"
  echo "  hidden layers in MLlib (its only choice), $tab_act in sparkmlp; h2's Adam at rate $tab_lr."
  echo "- Machine: $(nproc) CPUs, ${cpu:-unknown CPU} ($avx); load average at the end:"
  echo "  $(cut -d' ' -f1-3 /proc/loadavg). $blas_note."
  echo "- Settings: TTA_EPOCHS=$epochs TTA_SYNC_EVERY=$sync TTA_LBFGS_ITERS=$lbfgs_iters"
  echo "  TTA_MLLIB_ITERS=$mllib_iters TTA_TABULAR_EPOCHS=$tab_epochs TTA_TABULAR_ITERS=$tab_iters"
  echo "  TTA_TABULAR_ACTIVATION=$tab_act TTA_TABULAR_LR=$tab_lr;"
  echo "  per-epoch logs in $out/."
} > "$table"
cat "$table"
