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
 *
 * <p>With the system property {@code sparkmlp.gemm=netlib} (read once, when this class loads)
 * the products go to {@code dev.ludovic.netlib}'s {@code sgemm} instead ({@code NetlibGemm}:
 * native OpenBLAS where it loads; run it with {@code OPENBLAS_NUM_THREADS=1}). Netlib comes
 * with spark-mllib; where it is missing, or the property has another value, every product
 * throws an {@link IllegalStateException} that says so.
 */
public final class Gemm {
  private Gemm() {}

  /** Whether the Vector API kernel is in use (the JVM has {@code jdk.incubator.vector}). */
  public static final boolean VECTORIZED =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /** The system property that chooses the route; {@code netlib} is the one other value. */
  public static final String ROUTE_PROPERTY = "sparkmlp.gemm";

  /** Null when the route is usable, else why not (one line). */
  private static final String ROUTE_ERROR = routeError(System.getProperty(ROUTE_PROPERTY));
  private static final boolean NETLIB =
      ROUTE_ERROR == null && "netlib".equals(System.getProperty(ROUTE_PROPERTY));

  /**
   * The products' route in words: {@code vector}, {@code scalar} or {@code netlib (class of
   * the BLAS)}, for benchmarks and logs.
   */
  public static String route() {
    checkRoute();
    return NETLIB ? "netlib (" + NetlibGemm.implementation() + ")"
        : VECTORIZED ? "vector" : "scalar";
  }

  /** Null when {@code sparkmlp.gemm=value} names a usable route, else why not. */
  static String routeError(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!value.equals("netlib")) {
      return ROUTE_PROPERTY + "=" + value + " is not a GEMM route; expected netlib or no value";
    }
    try {
      Class.forName("dev.ludovic.netlib.blas.BLAS", false, Gemm.class.getClassLoader());
      return null;
    } catch (ClassNotFoundException | LinkageError e) {
      return ROUTE_PROPERTY + "=netlib, but dev.ludovic.netlib (it comes with spark-mllib) is"
          + " not on the classpath";
    }
  }

  private static void checkRoute() {
    if (ROUTE_ERROR != null) {
      throw new IllegalStateException(ROUTE_ERROR);
    }
  }

  /** C(m,n) (+)= A(m,k) · B(k,n). */
  public static void matmul(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                            int m, int n, int k, boolean accumulate) {
    check(c, cOff, a, aOff, b, bOff, m, n, k);
    if (NETLIB) {
      NetlibGemm.matmul(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else if (VECTORIZED) {
      VectorGemm.matmul(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else {
      ScalarGemm.matmul(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    }
  }

  /** C(m,n) (+)= Aᵀ · B where A is stored (k,m) and B is (k,n). */
  public static void matmulTransA(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                                  int m, int n, int k, boolean accumulate) {
    check(c, cOff, a, aOff, b, bOff, m, n, k);
    if (NETLIB) {
      NetlibGemm.matmulTransA(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else if (VECTORIZED) {
      VectorGemm.matmulTransA(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else {
      ScalarGemm.matmulTransA(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    }
  }

  /** C(m,n) (+)= A · Bᵀ where A is (m,k) and B is stored (n,k). */
  public static void matmulTransB(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                                  int m, int n, int k, boolean accumulate) {
    check(c, cOff, a, aOff, b, bOff, m, n, k);
    if (NETLIB) {
      NetlibGemm.matmulTransB(c, cOff, a, aOff, b, bOff, m, n, k, accumulate);
    } else if (VECTORIZED) {
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
    checkRoute();
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
