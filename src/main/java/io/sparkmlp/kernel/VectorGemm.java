package io.sparkmlp.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM on the JDK Vector API: packed panels and a register-blocked micro-kernel.
 *
 * <p>Only {@link Gemm} calls this class, and only when the boot layer holds
 * {@code jdk.incubator.vector}; loading it without the module would fail.
 *
 * <p>All three products become {@code C(m,n) (+)= A'(m,k) · B'(k,n)}, with A' and B' read
 * through strides: A'(i,p) = {@code a[aOff + i*ars + p*acs]}, B'(p,j) = {@code b[bOff + p*brs +
 * j*bcs]}. Both are first copied into per-thread scratch in the order the micro-kernel reads
 * them (the BLIS/GotoBLAS layout): A' in panels of {@code mr} rows, each panel p-major
 * ({@code mr} values per p), B' in panels of {@code nv} vectors, each p-major ({@code nv·L}
 * values per p), both padded with zeros to whole panels. The copies cost (m+n)·k against m·n·k
 * multiply-adds (10–15% of the time on the MLP's shapes) and give the kernel one stream per
 * operand with constant strides, which HotSpot compiles well; reading A and B in place with
 * run-time strides measured 30–40 GFLOP/s against 55–70 packed (AVX2, JDK 17).
 *
 * <p>The micro-kernel keeps an {@code mr × nv} block of vector accumulators in registers,
 * broadcasts one A' value per row and multiplies it into {@code nv} vectors of a B' row. With
 * 16 vector registers (AVX2) the block is 6 × 2, which leaves 3 registers for the B' vectors and
 * the broadcast (4 × 3 spills and ran at half the speed). With 512-bit vectors (AVX-512, 32
 * registers) it is 4 × 4, a choice not yet measured on such a machine. The k range is cut into blocks of
 * {@code kc} values so that one B' panel block (32 KiB) stays in L1 while all row panels
 * pass over it. Tiles that stick out of C (the last rows and columns) run on a scratch tile and
 * copy back only the part inside C.
 */
final class VectorGemm {
  private VectorGemm() {}

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();
  /** Rows and vectors of the micro-kernel: 4 × 4 where 512-bit vectors imply 32 registers. */
  static final int MR = L >= 16 ? 4 : 6;
  static final int NV = L >= 16 ? 4 : 2;

  /** Per-thread packed panels and the edge tile; grown to the largest product seen. */
  private static final class Scratch {
    float[] pa = new float[0];
    float[] pb = new float[0];
    final float[] tile = new float[16 * L];
    final int[] gather = new int[L];
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  static void matmul(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                     int m, int n, int k, boolean accumulate) {
    gemm(MR, NV, c, cOff, a, aOff, k, 1, b, bOff, n, 1, m, n, k, accumulate);
  }

  static void matmulTransA(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                           int m, int n, int k, boolean accumulate) {
    gemm(MR, NV, c, cOff, a, aOff, 1, m, b, bOff, n, 1, m, n, k, accumulate);
  }

  static void matmulTransB(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                           int m, int n, int k, boolean accumulate) {
    gemm(MR, NV, c, cOff, a, aOff, k, 1, b, bOff, 1, k, m, n, k, accumulate);
  }

  /**
   * C(m,n) (+)= A'(m,k) · B'(k,n) with the strides described on the class, on the
   * {@code mr × nv} micro-kernel (6 × 2 or 4 × 4; tests run both on any machine).
   */
  static void gemm(int mr, int nv, float[] c, int cOff, float[] a, int aOff, int ars, int acs,
                   float[] b, int bOff, int brs, int bcs, int m, int n, int k,
                   boolean accumulate) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        for (int i = 0; i < m; i++) {
          java.util.Arrays.fill(c, cOff + i * n, cOff + i * n + n, 0f);
        }
      }
      return;
    }
    int nr = nv * L;
    int rowPanels = (m + mr - 1) / mr;
    int colPanels = (n + nr - 1) / nr;
    if ((long) rowPanels * mr * k + L > Integer.MAX_VALUE
        || (long) colPanels * nr * k > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(String.format(
          "m=%d n=%d k=%d: padded panels would exceed the largest Java array", m, n, k));
    }
    Scratch s = SCRATCH.get();
    if (s.pa.length < rowPanels * mr * k + L) {
      s.pa = new float[rowPanels * mr * k + L];
    }
    if (s.pb.length < colPanels * nr * k) {
      s.pb = new float[colPanels * nr * k];
    }
    float[] pa = s.pa;
    float[] pb = s.pb;
    packA(pa, mr, a, aOff, ars, acs, m, k);
    packB(pb, nr, s.gather, b, bOff, brs, bcs, n, k);
    int kcMax = Math.max(128, 8192 / nr);
    for (int p0 = 0; p0 < k; p0 += kcMax) {
      int kc = Math.min(kcMax, k - p0);
      boolean load = accumulate || p0 > 0;
      for (int q = 0; q < colPanels; q++) {
        int j0 = q * nr;
        int bi = q * nr * k + p0 * nr;
        for (int r = 0; r < rowPanels; r++) {
          int i0 = r * mr;
          int ai = r * mr * k + p0 * mr;
          if (i0 + mr <= m && j0 + nr <= n) {
            kernel(mr, nv, c, cOff + i0 * n + j0, n, pa, ai, pb, bi, kc, load);
          } else {
            edge(s.tile, mr, nv, c, cOff, n, i0, j0, Math.min(mr, m - i0), Math.min(nr, n - j0),
                pa, ai, pb, bi, kc, load);
          }
        }
      }
    }
  }

  /**
   * The micro-kernel of that shape (6 × 2 or 4 × 4) on one tile inside C. Package-private for
   * {@code benchmarks/java/io/sparkmlp/kernel/MicroKernelBench}.
   */
  static void kernel(int mr, int nv, float[] c, int ci, int ldc, float[] pa, int ai,
                     float[] pb, int bi, int kc, boolean load) {
    if (mr == 6 && nv == 2) {
      kernel6x2(c, ci, ldc, pa, ai, pb, bi, kc, load);
    } else {
      kernel4x4(c, ci, ldc, pa, ai, pb, bi, kc, load);
    }
  }

  /** A tile that sticks out of C: computed on scratch, only its rows × cols part copied back. */
  private static void edge(float[] tile, int mr, int nv, float[] c, int cOff, int n, int i0,
                           int j0, int rows, int cols, float[] pa, int ai, float[] pb, int bi,
                           int kc, boolean load) {
    int nr = nv * L;
    java.util.Arrays.fill(tile, 0, mr * nr, 0f);
    if (load) {
      for (int i = 0; i < rows; i++) {
        System.arraycopy(c, cOff + (i0 + i) * n + j0, tile, i * nr, cols);
      }
    }
    kernel(mr, nv, tile, 0, nr, pa, ai, pb, bi, kc, true);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(tile, i * nr, c, cOff + (i0 + i) * n + j0, cols);
    }
  }

  /** pa[r*mr*k + p*mr + i] = A'(r*mr + i, p), zero for rows past m. */
  private static void packA(float[] pa, int mr, float[] a, int aOff, int ars, int acs, int m,
                            int k) {
    for (int i0 = 0; i0 < m; i0 += mr) {
      int base = i0 * k;
      int rows = Math.min(mr, m - i0);
      int src = aOff + i0 * ars;
      if (rows == mr && ars == 1 && mr <= L) {
        packContiguous(pa, base, mr, a, src, acs, k);
      } else if (rows == 6 && mr == 6) {
        packA6(pa, base, a, src, ars, acs, k);
      } else if (rows == 4 && mr == 4) {
        packA4(pa, base, a, src, ars, acs, k);
      } else {
        for (int p = 0; p < k; p++) {
          int dst = base + p * mr;
          for (int i = 0; i < rows; i++) {
            pa[dst + i] = a[src + i * ars + p * acs];
          }
          for (int i = rows; i < mr; i++) {
            pa[dst + i] = 0f;
          }
        }
      }
    }
  }

  /**
   * A full panel whose mr values per p are contiguous in a (transposed A): one whole-vector copy
   * per p. Each copy spills past its mr values into the next ones, which the next p (or the next
   * panel, packed later) overwrites; pa has L values of slack for the last.
   */
  private static void packContiguous(float[] pa, int dst, int mr, float[] a, int src, int acs,
                                     int k) {
    int lastWhole = a.length - L;
    for (int p = 0; p < k; p++) {
      int s = src + p * acs;
      int d = dst + p * mr;
      if (s <= lastWhole) {
        FloatVector.fromArray(S, a, s).intoArray(pa, d);
      } else {
        System.arraycopy(a, s, pa, d, mr);
      }
    }
  }

  private static void packA6(float[] pa, int dst, float[] a, int src, int ars, int acs, int k) {
    if (acs == 1) {
      int s1 = src + ars;
      int s2 = s1 + ars;
      int s3 = s2 + ars;
      int s4 = s3 + ars;
      int s5 = s4 + ars;
      for (int p = 0; p < k; p++) {
        int d = dst + p * 6;
        pa[d] = a[src + p];
        pa[d + 1] = a[s1 + p];
        pa[d + 2] = a[s2 + p];
        pa[d + 3] = a[s3 + p];
        pa[d + 4] = a[s4 + p];
        pa[d + 5] = a[s5 + p];
      }
    } else {
      for (int p = 0; p < k; p++) {
        int d = dst + p * 6;
        int s = src + p * acs;
        pa[d] = a[s];
        pa[d + 1] = a[s + ars];
        pa[d + 2] = a[s + 2 * ars];
        pa[d + 3] = a[s + 3 * ars];
        pa[d + 4] = a[s + 4 * ars];
        pa[d + 5] = a[s + 5 * ars];
      }
    }
  }

  private static void packA4(float[] pa, int dst, float[] a, int src, int ars, int acs, int k) {
    if (acs == 1) {
      int s1 = src + ars;
      int s2 = s1 + ars;
      int s3 = s2 + ars;
      for (int p = 0; p < k; p++) {
        int d = dst + p * 4;
        pa[d] = a[src + p];
        pa[d + 1] = a[s1 + p];
        pa[d + 2] = a[s2 + p];
        pa[d + 3] = a[s3 + p];
      }
    } else {
      for (int p = 0; p < k; p++) {
        int d = dst + p * 4;
        int s = src + p * acs;
        pa[d] = a[s];
        pa[d + 1] = a[s + ars];
        pa[d + 2] = a[s + 2 * ars];
        pa[d + 3] = a[s + 3 * ars];
      }
    }
  }

  /**
   * One full panel of B' from rows of b: pb[dst + p*nr + j] = b[src + p*brs + j] for j < nr.
   * With nr = 2L (the AVX2 kernel's panel) the loop counts with the destination index in steps
   * of a constant, so HotSpot drops the stores' range checks, as in {@link #kernel6x2}.
   */
  private static void copyRows(float[] pb, int dst, int nr, float[] b, int src, int brs, int k) {
    if (nr == 2 * L) {
      for (int d = dst, s = src, end = dst + 2 * L * k; d < end; d += 2 * L, s += brs) {
        FloatVector.fromArray(S, b, s).intoArray(pb, d);
        FloatVector.fromArray(S, b, s + L).intoArray(pb, d + L);
      }
      return;
    }
    for (int p = 0; p < k; p++) {
      for (int v = 0; v < nr; v += L) {
        FloatVector.fromArray(S, b, src + p * brs + v).intoArray(pb, dst + p * nr + v);
      }
    }
  }

  /** pb[q*nr*k + p*nr + j] = B'(p, q*nr + j), zero for columns past n. */
  private static void packB(float[] pb, int nr, int[] gather, float[] b, int bOff, int brs,
                            int bcs, int n, int k) {
    if (bcs != 1) {
      for (int j = 0; j < L; j++) {
        gather[j] = j * bcs;
      }
    }
    for (int j0 = 0; j0 < n; j0 += nr) {
      int base = j0 * k;
      int cols = Math.min(nr, n - j0);
      if (cols == nr && bcs == 1) {
        copyRows(pb, base, nr, b, bOff + j0, brs, k);
      } else if (cols == nr && brs == 1) {
        // B' is stored transposed: gather one vector of a B' row from L rows of b.
        for (int v = 0; v < nr; v += L) {
          int src = bOff + (j0 + v) * bcs;
          for (int p = 0; p < k; p++) {
            FloatVector.fromArray(S, b, src + p, gather, 0).intoArray(pb, base + p * nr + v);
          }
        }
      } else {
        for (int p = 0; p < k; p++) {
          int dst = base + p * nr;
          int src = bOff + p * brs + j0 * bcs;
          for (int j = 0; j < cols; j++) {
            pb[dst + j] = b[src + j * bcs];
          }
          for (int j = cols; j < nr; j++) {
            pb[dst + j] = 0f;
          }
        }
      }
    }
  }

  /**
   * C tile (6 rows × 2 vectors, row stride ldc) (+)= A panel · B panel over kc values of p.
   *
   * <p>The loop counts with the A index itself ({@code ap}), not with p: HotSpot 17 then
   * proves the six broadcasts' indices in range once, before the loop, where with {@code ap =
   * ai + 6p} it checked them in every iteration. On AVX2 (Zen 3) that took the kernel from a
   * median 63% to 82% of the core's FMA peak, and the step's GEMMs 1.25–1.4× faster
   * ({@code benchmarks/microkernel.sh}, {@code benchmarks/gemm.sh}).
   */
  private static void kernel6x2(float[] c, int ci, int ldc, float[] pa, int ai,
                                float[] pb, int bi, int kc, boolean load) {
    FloatVector c00, c01;
    FloatVector c10, c11;
    FloatVector c20, c21;
    FloatVector c30, c31;
    FloatVector c40, c41;
    FloatVector c50, c51;
    if (load) {
      c00 = FloatVector.fromArray(S, c, ci);
      c01 = FloatVector.fromArray(S, c, ci + L);
      c10 = FloatVector.fromArray(S, c, ci + ldc);
      c11 = FloatVector.fromArray(S, c, ci + ldc + L);
      c20 = FloatVector.fromArray(S, c, ci + 2 * ldc);
      c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + L);
      c30 = FloatVector.fromArray(S, c, ci + 3 * ldc);
      c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + L);
      c40 = FloatVector.fromArray(S, c, ci + 4 * ldc);
      c41 = FloatVector.fromArray(S, c, ci + 4 * ldc + L);
      c50 = FloatVector.fromArray(S, c, ci + 5 * ldc);
      c51 = FloatVector.fromArray(S, c, ci + 5 * ldc + L);
    } else {
      c00 = FloatVector.zero(S);
      c01 = c00;
      c10 = c00;
      c11 = c00;
      c20 = c00;
      c21 = c00;
      c30 = c00;
      c31 = c00;
      c40 = c00;
      c41 = c00;
      c50 = c00;
      c51 = c00;
    }
    for (int ap = ai, bp = bi, aEnd = ai + 6 * kc; ap < aEnd; ap += 6, bp += 2 * L) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector av;
      av = FloatVector.broadcast(S, pa[ap]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, pa[ap + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, pa[ap + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + L);
    c50.intoArray(c, ci + 5 * ldc);
    c51.intoArray(c, ci + 5 * ldc + L);
  }

  /**
   * C tile (4 rows × 4 vectors, row stride ldc) (+)= A panel · B panel over kc values of p.
   * Its loop counts with the A index for the reason given on {@link #kernel6x2}; that gain is
   * measured on AVX2 only, where this 512-bit kernel does not run.
   */
  private static void kernel4x4(float[] c, int ci, int ldc, float[] pa, int ai,
                                float[] pb, int bi, int kc, boolean load) {
    FloatVector c00, c01, c02, c03;
    FloatVector c10, c11, c12, c13;
    FloatVector c20, c21, c22, c23;
    FloatVector c30, c31, c32, c33;
    if (load) {
      c00 = FloatVector.fromArray(S, c, ci);
      c01 = FloatVector.fromArray(S, c, ci + L);
      c02 = FloatVector.fromArray(S, c, ci + 2 * L);
      c03 = FloatVector.fromArray(S, c, ci + 3 * L);
      c10 = FloatVector.fromArray(S, c, ci + ldc);
      c11 = FloatVector.fromArray(S, c, ci + ldc + L);
      c12 = FloatVector.fromArray(S, c, ci + ldc + 2 * L);
      c13 = FloatVector.fromArray(S, c, ci + ldc + 3 * L);
      c20 = FloatVector.fromArray(S, c, ci + 2 * ldc);
      c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + L);
      c22 = FloatVector.fromArray(S, c, ci + 2 * ldc + 2 * L);
      c23 = FloatVector.fromArray(S, c, ci + 2 * ldc + 3 * L);
      c30 = FloatVector.fromArray(S, c, ci + 3 * ldc);
      c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + L);
      c32 = FloatVector.fromArray(S, c, ci + 3 * ldc + 2 * L);
      c33 = FloatVector.fromArray(S, c, ci + 3 * ldc + 3 * L);
    } else {
      c00 = FloatVector.zero(S);
      c01 = c00;
      c02 = c00;
      c03 = c00;
      c10 = c00;
      c11 = c00;
      c12 = c00;
      c13 = c00;
      c20 = c00;
      c21 = c00;
      c22 = c00;
      c23 = c00;
      c30 = c00;
      c31 = c00;
      c32 = c00;
      c33 = c00;
    }
    for (int ap = ai, bp = bi, aEnd = ai + 4 * kc; ap < aEnd; ap += 4, bp += 4 * L) {
      FloatVector b0 = FloatVector.fromArray(S, pb, bp);
      FloatVector b1 = FloatVector.fromArray(S, pb, bp + L);
      FloatVector b2 = FloatVector.fromArray(S, pb, bp + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, pb, bp + 3 * L);
      FloatVector av;
      av = FloatVector.broadcast(S, pa[ap]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      c02 = av.fma(b2, c02);
      c03 = av.fma(b3, c03);
      av = FloatVector.broadcast(S, pa[ap + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      c12 = av.fma(b2, c12);
      c13 = av.fma(b3, c13);
      av = FloatVector.broadcast(S, pa[ap + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      c22 = av.fma(b2, c22);
      c23 = av.fma(b3, c23);
      av = FloatVector.broadcast(S, pa[ap + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      c32 = av.fma(b2, c32);
      c33 = av.fma(b3, c33);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + L);
    c02.intoArray(c, ci + 2 * L);
    c03.intoArray(c, ci + 3 * L);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + L);
    c12.intoArray(c, ci + ldc + 2 * L);
    c13.intoArray(c, ci + ldc + 3 * L);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + L);
    c22.intoArray(c, ci + 2 * ldc + 2 * L);
    c23.intoArray(c, ci + 2 * ldc + 3 * L);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + L);
    c32.intoArray(c, ci + 3 * ldc + 2 * L);
    c33.intoArray(c, ci + 3 * ldc + 3 * L);
  }
}
