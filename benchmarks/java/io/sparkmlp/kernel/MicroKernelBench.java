package io.sparkmlp.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * GFLOP/s of {@link VectorGemm}'s register-blocked micro-kernel alone, on panels that stay in
 * L1 (kc = 256: a 6 × 256 A panel and a 256 × 16 B panel on AVX2, 24 KiB together), with no
 * packing and no cache misses: the ceiling that every GEMM of ours runs under. Compare it with
 * the core's own FMA peak, measured in the same run by {@code benchmarks/microkernel.sh}; the
 * gap between this figure and {@code benchmarks/gemm.sh}'s is what packing and the cache cost.
 *
 * <p>Each run is one JVM, and the script starts several: HotSpot compiles the kernel once per
 * JVM, and not always into the same code (see benchmarks/README.md, "Micro-kernel").
 *
 * <p>Usage: {@code MicroKernelBench [seconds=3]}: warm-up for that long, then as long again
 * in rounds of about 50 ms; prints the best and the median round.
 */
public final class MicroKernelBench {
  private MicroKernelBench() {}

  private static final int KC = 256;

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    int mr = VectorGemm.MR;
    int nv = VectorGemm.NV;
    int nr = nv * VectorGemm.L;
    Random rnd = new Random(7);
    float[] pa = new float[mr * KC + VectorGemm.L];
    float[] pb = new float[KC * nr];
    float[] c = new float[mr * nr];
    for (int i = 0; i < pa.length; i++) {
      pa[i] = rnd.nextFloat() - 0.5f;
    }
    for (int i = 0; i < pb.length; i++) {
      pb[i] = rnd.nextFloat() - 0.5f;
    }
    double maxError = check(mr, nr, pa, pb, c);

    int callsPerRound = 1;
    long roundNanos = 50_000_000L;
    long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmEnd) {
      long t0 = System.nanoTime();
      calls(mr, nv, nr, pa, pb, c, callsPerRound);
      if (System.nanoTime() - t0 < roundNanos) {
        callsPerRound *= 2;
      }
    }
    int rounds = Math.max(5, (int) (seconds * 1e9 / roundNanos));
    double[] gflops = new double[rounds];
    double flopsPerRound = 2.0 * mr * nr * KC * callsPerRound;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      calls(mr, nv, nr, pa, pb, c, callsPerRound);
      gflops[r] = flopsPerRound / (System.nanoTime() - t0);
    }
    Arrays.sort(gflops);
    System.out.printf(Locale.ROOT,
        "micro-kernel %d x %d vectors of %d floats, kc %d: best %.1f GFLOP/s, median %.1f"
            + " (%d rounds; max |error| %.1e against a double-precision product)%n",
        mr, nv, VectorGemm.L, KC, gflops[rounds - 1], gflops[rounds / 2], rounds, maxError);
  }

  /** Alternates overwriting and accumulating C, as the GEMM's k blocks do. */
  private static void calls(int mr, int nv, int nr, float[] pa, float[] pb, float[] c, int n) {
    for (int i = 0; i < n; i++) {
      VectorGemm.kernel(mr, nv, c, 0, nr, pa, 0, pb, 0, KC, (i & 1) == 1);
    }
  }

  /** One overwriting call against the product in double precision: the bench runs real code. */
  private static double check(int mr, int nr, float[] pa, float[] pb, float[] c) {
    VectorGemm.kernel(mr, nr / VectorGemm.L, c, 0, nr, pa, 0, pb, 0, KC, false);
    double max = 0;
    for (int i = 0; i < mr; i++) {
      for (int j = 0; j < nr; j++) {
        double sum = 0;
        for (int p = 0; p < KC; p++) {
          sum += (double) pa[p * mr + i] * pb[p * nr + j];
        }
        max = Math.max(max, Math.abs(sum - c[i * nr + j]));
      }
    }
    if (max > 1e-3) {
      throw new IllegalStateException("micro-kernel result off by " + max);
    }
    return max;
  }
}
