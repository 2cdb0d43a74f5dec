package io.sparkmlp.kernel;

import dev.ludovic.netlib.blas.BLAS;

/**
 * GEMM through {@code dev.ludovic.netlib}'s {@code sgemm}: native BLAS (OpenBLAS) where one
 * loads, else netlib's Java BLAS. {@link Gemm} routes here only when the system property
 * {@code sparkmlp.gemm=netlib} is set; netlib comes with spark-mllib and is not a dependency of
 * its own, so this class loads only on that route.
 *
 * <p>BLAS is column-major. A row-major X(r,c) is the column-major Xᵀ with leading dimension c,
 * so the row-major C = op(A)·op(B) is computed as the column-major Cᵀ = op(B)ᵀ·op(A)ᵀ: the
 * operands swap places and keep their transpose flags. β = 0 overwrites C without reading it.
 *
 * <p>Native OpenBLAS must run one thread per caller ({@code OPENBLAS_NUM_THREADS=1}); with its
 * own thread pool inside a Spark task it runs slower than the Java kernels.
 */
final class NetlibGemm {
  private NetlibGemm() {}

  private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

  /** The class of the BLAS in use, e.g. {@code dev.ludovic.netlib.blas.JNIBLAS} for native. */
  static String implementation() {
    return BLAS_INSTANCE.getClass().getName();
  }

  static void matmul(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                     int m, int n, int k, boolean accumulate) {
    if (degenerate(c, cOff, m, n, k, accumulate)) {
      return;
    }
    BLAS_INSTANCE.sgemm("N", "N", n, m, k, 1f, b, bOff, n, a, aOff, k,
        accumulate ? 1f : 0f, c, cOff, n);
  }

  static void matmulTransA(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                           int m, int n, int k, boolean accumulate) {
    if (degenerate(c, cOff, m, n, k, accumulate)) {
      return;
    }
    BLAS_INSTANCE.sgemm("N", "T", n, m, k, 1f, b, bOff, n, a, aOff, m,
        accumulate ? 1f : 0f, c, cOff, n);
  }

  static void matmulTransB(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                           int m, int n, int k, boolean accumulate) {
    if (degenerate(c, cOff, m, n, k, accumulate)) {
      return;
    }
    BLAS_INSTANCE.sgemm("T", "N", n, m, k, 1f, b, bOff, k, a, aOff, k,
        accumulate ? 1f : 0f, c, cOff, n);
  }

  /**
   * Handles empty products here (BLAS rejects a leading dimension of 0): nothing to do when C
   * is empty; with k = 0, C is zeroed unless accumulating. True when the caller is done.
   */
  private static boolean degenerate(float[] c, int cOff, int m, int n, int k,
                                    boolean accumulate) {
    if (m == 0 || n == 0) {
      return true;
    }
    if (k == 0) {
      if (!accumulate) {
        java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
      }
      return true;
    }
    return false;
  }
}
