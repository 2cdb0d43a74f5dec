package io.sparkmlp.kernel;

import static io.sparkmlp.testing.Expect.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * All three products, on the public entry point, the Vector API kernel and the scalar kernel,
 * against a triple loop in double: odd and prime shapes, shapes that cross the kernel's row,
 * column and k blocks, the MLP's own shapes (sampled), offsets into larger arrays with guard
 * values around C, B ending exactly at its array's end, and accumulate both ways.
 */
class GemmTest {

  /** One of the three products, as Gemm declares them. */
  interface Product {
    void apply(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
               int m, int n, int k, boolean accumulate);
  }

  enum Kind { PLAIN, TRANS_A, TRANS_B }

  private static final int[][] SHAPES = {  // m, n, k
      {1, 1, 1}, {7, 13, 5}, {17, 3, 31}, {13, 7, 5}, {2, 1, 3}, {1, 17, 1}, {5, 16, 9},
      {3, 10, 128}, {128, 10, 128}, {128, 128, 10}, {4, 64, 128}, {9, 64, 129},
      {6, 80, 300}, {13, 70, 130}, {12, 64, 600}, {7, 130, 257}, {31, 33, 37}, {5, 95, 2}, {11, 200, 61}, {4, 32, 1},
  };

  private static final float GUARD = 1234.5f;

  @Test
  void publicEntryPointMatchesTripleLoop() {
    checkAll(Gemm::matmul, Gemm::matmulTransA, Gemm::matmulTransB);
  }

  @Test
  void scalarKernelMatchesTripleLoop() {
    checkAll(ScalarGemm::matmul, ScalarGemm::matmulTransA, ScalarGemm::matmulTransB);
  }

  @Test
  void vectorKernelMatchesTripleLoop() {
    assumeTrue(Gemm.VECTORIZED, "JVM runs without jdk.incubator.vector");
    checkAll(VectorGemm::matmul, VectorGemm::matmulTransA, VectorGemm::matmulTransB);
  }

  /** The route that {@code -Dsparkmlp.gemm=netlib} selects (native OpenBLAS where it loads). */
  @Test
  void netlibRouteMatchesTripleLoop() {
    checkAll(NetlibGemm::matmul, NetlibGemm::matmulTransA, NetlibGemm::matmulTransB);
    Random rnd = new Random(11);
    check(NetlibGemm::matmul, Kind.PLAIN, 128, 256, 784, rnd, true, 3, 5, 400);
    check(NetlibGemm::matmulTransA, Kind.TRANS_A, 784, 256, 128, rnd, true, 0, 0, 400);
    check(NetlibGemm::matmulTransB, Kind.TRANS_B, 128, 784, 256, rnd, false, 1, 0, 400);
    float[] c = {1f, 2f, 3f, 4f, 5f};
    NetlibGemm.matmul(c, 1, new float[0], 0, new float[0], 0, 2, 2, 0, true);
    assertEquals(15f, c[0] + c[1] + c[2] + c[3] + c[4]);
    NetlibGemm.matmulTransB(c, 1, new float[0], 0, new float[0], 0, 2, 2, 0, false);
    assertEquals(1f, Math.abs(c[0]) + Math.abs(c[1]) + Math.abs(c[2]) + Math.abs(c[3])
        + Math.abs(c[4]));
    NetlibGemm.matmulTransA(c, 0, new float[3], 0, new float[0], 0, 0, 0, 3, false);
    assertTrue(NetlibGemm.implementation().startsWith("dev.ludovic.netlib.blas."));
  }

  @Test
  void routePropertyValuesAreChecked() {
    assertEquals(null, Gemm.routeError(null));
    assertEquals(null, Gemm.routeError(""));
    assertEquals(null, Gemm.routeError("netlib"));
    assertEquals("sparkmlp.gemm=openblas is not a GEMM route; expected netlib or no value",
        Gemm.routeError("openblas"));
  }

  /** Both micro-kernels (6 × 2 for AVX2, 4 × 4 for AVX-512), whichever this machine uses. */
  @Test
  void bothVectorMicroKernelsMatchTripleLoop() {
    assumeTrue(Gemm.VECTORIZED, "JVM runs without jdk.incubator.vector");
    for (int[] shape : new int[][] {{6, 2}, {4, 4}}) {
      int mr = shape[0];
      int nv = shape[1];
      checkAll(
          (c, cOff, a, aOff, b, bOff, m, n, k, acc) ->
              VectorGemm.gemm(mr, nv, c, cOff, a, aOff, k, 1, b, bOff, n, 1, m, n, k, acc),
          (c, cOff, a, aOff, b, bOff, m, n, k, acc) ->
              VectorGemm.gemm(mr, nv, c, cOff, a, aOff, 1, m, b, bOff, n, 1, m, n, k, acc),
          (c, cOff, a, aOff, b, bOff, m, n, k, acc) ->
              VectorGemm.gemm(mr, nv, c, cOff, a, aOff, k, 1, b, bOff, 1, k, m, n, k, acc));
    }
  }

  @Test
  void mlpShapesMatchSampled() {
    Product[][] routes = {
        {Gemm::matmul, Gemm::matmulTransA, Gemm::matmulTransB},
        {ScalarGemm::matmul, ScalarGemm::matmulTransA, ScalarGemm::matmulTransB},
    };
    Random rnd = new Random(7);
    for (Product[] r : routes) {
      // forward, weight gradient, input gradient of the first layer of a 784-256-128-10 MLP
      check(r[0], Kind.PLAIN, 128, 256, 784, rnd, true, 3, 5, 400);
      check(r[1], Kind.TRANS_A, 784, 256, 128, rnd, true, 0, 0, 400);
      check(r[2], Kind.TRANS_B, 128, 784, 256, rnd, false, 1, 0, 400);
      check(r[0], Kind.PLAIN, 128, 10, 128, rnd, false, 0, 0, 0);
      check(r[1], Kind.TRANS_A, 128, 10, 128, rnd, true, 2, 0, 0);
      check(r[2], Kind.TRANS_B, 128, 128, 10, rnd, false, 0, 0, 0);
    }
  }

  @Test
  void zeroSizesOverwriteOrKeep() {
    float[] c = {1f, 2f, 3f, 4f};
    Gemm.matmul(c, 0, new float[0], 0, new float[0], 0, 2, 2, 0, true);
    assertEquals(10f, c[0] + c[1] + c[2] + c[3]);
    Gemm.matmulTransB(c, 0, new float[0], 0, new float[0], 0, 2, 2, 0, false);
    assertEquals(0f, Math.abs(c[0]) + Math.abs(c[1]) + Math.abs(c[2]) + Math.abs(c[3]));
    Gemm.matmulTransA(c, 0, new float[3], 0, new float[0], 0, 0, 0, 3, false);
  }

  @Test
  void rejectsMatricesOutsideTheirArrays() {
    float[] x = new float[6];
    assertMessage("C (2 x 3 values from offset 1) does not fit its array of 6",
        () -> Gemm.matmul(x, 1, x, 0, x, 0, 2, 3, 1, false));
    assertMessage("B (3 x 2 values from offset 0) does not fit its array of 5",
        () -> Gemm.matmulTransA(new float[4], 0, x, 0, new float[5], 0, 2, 2, 3, false));
    assertMessage("A (1 x 1 values from offset -1) does not fit its array of 6",
        () -> Gemm.matmulTransB(x, 0, x, -1, x, 0, 1, 1, 1, false));
    assertMessage("matrix sizes must be >= 0, got m=-1 n=1 k=1",
        () -> Gemm.matmul(x, 0, x, 0, x, 0, -1, 1, 1, false));
  }

  private static void checkAll(Product plain, Product transA, Product transB) {
    Random rnd = new Random(42);
    for (int[] s : SHAPES) {
      for (boolean acc : new boolean[] {false, true}) {
        for (int pad = 0; pad < 2; pad++) {
          int lead = pad == 0 ? 0 : 1 + rnd.nextInt(20);
          int trail = pad == 0 ? 0 : 1 + rnd.nextInt(20);
          check(plain, Kind.PLAIN, s[0], s[1], s[2], rnd, acc, lead, trail, 0);
          check(transA, Kind.TRANS_A, s[0], s[1], s[2], rnd, acc, lead, trail, 0);
          check(transB, Kind.TRANS_B, s[0], s[1], s[2], rnd, acc, lead, trail, 0);
        }
      }
    }
  }

  /**
   * Runs one product with A, B and C at offset {@code lead} in arrays {@code trail} longer than
   * needed, and compares C with a double triple loop: every entry, or {@code samples} random
   * ones when that is positive. Values around C must stay untouched.
   */
  private static void check(Product op, Kind kind, int m, int n, int k, Random rnd,
                            boolean accumulate, int lead, int trail, int samples) {
    float[] a = filled(lead + m * k + trail, rnd);
    float[] b = filled(lead + k * n + trail, rnd);
    float[] c = new float[lead + m * n + trail];
    java.util.Arrays.fill(c, GUARD);
    float[] c0 = new float[m * n];
    for (int i = 0; i < c0.length; i++) {
      c0[i] = rnd.nextFloat() * 2f - 1f;
      c[lead + i] = c0[i];
    }
    op.apply(c, lead, a, lead, b, lead, m, n, k, accumulate);
    String where = String.format("%s m=%d n=%d k=%d accumulate=%s lead=%d trail=%d",
        kind, m, n, k, accumulate, lead, trail);
    for (int i = 0; i < lead; i++) {
      assertEquals(GUARD, c[i], "value before C changed, " + where);
    }
    for (int i = lead + m * n; i < c.length; i++) {
      assertEquals(GUARD, c[i], "value after C changed, " + where);
    }
    int count = samples > 0 ? samples : m * n;
    for (int s = 0; s < count; s++) {
      int idx = samples > 0 ? rnd.nextInt(m * n) : s;
      int i = idx / n;
      int j = idx % n;
      double sum = accumulate ? c0[idx] : 0.0;
      double abs = accumulate ? Math.abs(c0[idx]) : 0.0;
      for (int p = 0; p < k; p++) {
        double x = kind == Kind.TRANS_A ? a[lead + p * m + i] : a[lead + i * k + p];
        double y = kind == Kind.TRANS_B ? b[lead + j * k + p] : b[lead + p * n + j];
        sum += x * y;
        abs += Math.abs(x * y);
      }
      double tol = 1e-5 * Math.sqrt(k + 1) * abs + 1e-30;
      double got = c[lead + idx];
      assertTrue(Math.abs(got - sum) <= tol, String.format(
          "C(%d,%d) = %s, expected %s (tolerance %s), %s", i, j, got, sum, tol, where));
    }
  }

  private static float[] filled(int size, Random rnd) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = rnd.nextFloat() * 2f - 1f;
    }
    return x;
  }
}
