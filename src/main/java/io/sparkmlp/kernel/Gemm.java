package io.sparkmlp.kernel;

/**
 * Single-precision matrix products on row-major flat arrays with offsets.
 *
 * <p>All matrices are dense and row-major with leading dimension equal to their column count.
 * Outputs come first, sizes last. {@code accumulate} adds into C ({@code C += ...}); otherwise
 * C is overwritten. C must not overlap A or B. No method allocates, apart from a per-thread
 * scratch array for {@link #matmulTransB} that grows to the largest B seen on that thread.
 *
 * <p>With {@code jdk.incubator.vector} in the boot layer ({@code --add-modules
 * jdk.incubator.vector}, as Spark's launcher and our test and run configurations add), the
 * products run on a register-blocked Vector API kernel ({@code VectorGemm}); without it, on
 * plain loops ({@code ScalarGemm}) about ten times slower. {@link #VECTORIZED} says which.
 * {@code benchmarks/gemm.sh} measures both against netlib's Java and native BLAS.
 */
public final class Gemm {
  private Gemm() {}

  /** Whether the Vector API kernel is in use (the JVM has {@code jdk.incubator.vector}). */
  public static final boolean VECTORIZED =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /** C(m,n) (+)= A(m,k) · B(k,n). */
  public static void matmul(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                            int m, int n, int k, boolean accumulate) {
    check(c, cOff, a, aOff, b, bOff, m, n, k);
    if (VECTORIZED) {
      VectorGemm.matmul(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else {
      ScalarGemm.matmul(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    }
  }

  /** C(m,n) (+)= Aᵀ · B where A is stored (k,m) and B is (k,n). */
  public static void matmulTransA(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                                  int m, int n, int k, boolean accumulate) {
    check(c, cOff, a, aOff, b, bOff, m, n, k);
    if (VECTORIZED) {
      VectorGemm.matmulTransA(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else {
      ScalarGemm.matmulTransA(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    }
  }

  /** C(m,n) (+)= A · Bᵀ where A is (m,k) and B is stored (n,k). */
  public static void matmulTransB(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                                  int m, int n, int k, boolean accumulate) {
    check(c, cOff, a, aOff, b, bOff, m, n, k);
    if (VECTORIZED) {
      VectorGemm.matmulTransB(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else {
      ScalarGemm.matmulTransB(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    }
  }

  /**
   * Sizes at least 0 and each matrix inside its array. A holds m·k values and B k·n values in
   * every layout, so one check serves all three products. Messages are built only on failure.
   */
  private static void check(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                            int m, int n, int k) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(String.format(
          "matrix sizes must be >= 0, got m=%d n=%d k=%d", m, n, k));
    }
    inside(c, cOff, (long) m * n, "C", m, n);
    inside(a, aOff, (long) m * k, "A", m, k);
    inside(b, bOff, (long) k * n, "B", k, n);
  }

  private static void inside(float[] x, int off, long size, String name, int rows, int cols) {
    if (off < 0 || off + size > x.length) {
      throw new IllegalArgumentException(String.format(
          "%s (%d x %d values from offset %d) does not fit its array of %d", name, rows, cols,
          off, x.length));
    }
  }
}
