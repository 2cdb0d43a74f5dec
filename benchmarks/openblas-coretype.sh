#!/usr/bin/env bash
# Prints the OPENBLAS_CORETYPE that gives the OpenBLAS behind libblas.so.3 its best kernels on
# this CPU, for the peers that run on it (PyTorch, MLlib's native GEMMs); prints nothing where
# OpenBLAS recognises the CPU itself, or libblas.so.3 is not OpenBLAS. Debian's OpenBLAS 0.3.21
# does not know newer CPUs (an Intel Xeon of CPU model 207, for one) and falls back to its
# generic Prescott (SSE3) kernels: there a PyTorch epoch of benchmarks/torch_fmnist.py on two
# cores took 2.1 s, against 1.0 s with OPENBLAS_CORETYPE=SkylakeX, which is no fair peer.
#   peer_core=$(benchmarks/openblas-coretype.sh)
set -euo pipefail
# OpenBLAS names the kernels it chose when it loads, with OPENBLAS_VERBOSE=2.
core=$( (env -u OPENBLAS_CORETYPE OPENBLAS_VERBOSE=2 /usr/bin/python3 -c \
  "import ctypes; ctypes.CDLL('libblas.so.3')" 2>&1 || true) | sed -n 's/^Core: //p' | head -1)
[ "$core" = Prescott ] || exit 0
flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
has() {
  local f
  for f in "$@"; do
    [[ $flags == *" $f "* ]] || return 1
  done
}
# The instruction sets each kernel family needs (OpenBLAS's driver/others/dynamic.c).
if has avx512f avx512cd avx512bw avx512dq avx512vl; then
  echo SkylakeX
elif has avx2 fma; then
  echo Haswell
fi
