/*
 * The core's fp32 FMA peak, for benchmarks/microkernel.sh: 12 independent chains of
 * vfmadd231ps on registers (no memory operands), enough to cover the FMA latency on any x86
 * core with one or two FMA pipes. `fma_peak ymm` uses 256-bit vectors (AVX2, what our kernel
 * uses without AVX-512), `fma_peak zmm` 512-bit ones (build with -mavx512f).
 * Prints the best of five 0.3-second runs in GFLOP/s.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

#define FMA12(R)                                                                           \
  "vfmadd231ps %%" R "12,%%" R "13,%%" R "0\n vfmadd231ps %%" R "12,%%" R "13,%%" R "1\n"   \
  "vfmadd231ps %%" R "12,%%" R "13,%%" R "2\n vfmadd231ps %%" R "12,%%" R "13,%%" R "3\n"   \
  "vfmadd231ps %%" R "12,%%" R "13,%%" R "4\n vfmadd231ps %%" R "12,%%" R "13,%%" R "5\n"   \
  "vfmadd231ps %%" R "12,%%" R "13,%%" R "6\n vfmadd231ps %%" R "12,%%" R "13,%%" R "7\n"   \
  "vfmadd231ps %%" R "12,%%" R "13,%%" R "8\n vfmadd231ps %%" R "12,%%" R "13,%%" R "9\n"   \
  "vfmadd231ps %%" R "12,%%" R "13,%%" R "10\n vfmadd231ps %%" R "12,%%" R "13,%%" R "11\n"

#define CLOBBER "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", \
                "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15"

static void ymm(long iterations) {
  __asm__ volatile("vzeroall\n 1:\n" FMA12("ymm") "dec %0\n jnz 1b\n vzeroupper\n"
                   : "+r"(iterations) : : CLOBBER);
}

#ifdef __AVX512F__
static void zmm(long iterations) {
  __asm__ volatile("vzeroall\n 1:\n" FMA12("zmm") "dec %0\n jnz 1b\n vzeroupper\n"
                   : "+r"(iterations) : : CLOBBER);
}
#endif

int main(int argc, char **argv) {
  int wide = argc > 1 && strcmp(argv[1], "zmm") == 0;
#ifndef __AVX512F__
  if (wide) {
    fprintf(stderr, "fma_peak: built without -mavx512f, cannot run zmm\n");
    return 2;
  }
#endif
  int lanes = wide ? 16 : 8;
  long iterations = 1000000;
  double best = 0;
  for (int run = 0; run < 6; run++) {
    double t0 = now();
#ifdef __AVX512F__
    if (wide) zmm(iterations); else ymm(iterations);
#else
    ymm(iterations);
#endif
    double t = now() - t0;
    double gflops = 12.0 * 2 * lanes * iterations / t / 1e9;
    if (run > 0 && gflops > best) best = gflops;  /* run 0 only sizes the loop */
    iterations = (long) (iterations * 0.3 / t) + 1;
  }
  printf("%.1f\n", best);
  return 0;
}
