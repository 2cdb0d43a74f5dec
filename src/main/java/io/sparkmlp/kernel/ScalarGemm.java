package io.sparkmlp.kernel;

import java.util.Arrays;

/**
 * GEMM in plain Java, used when the JVM runs without {@code jdk.incubator.vector}.
 *
 * <p>The plain and transposed-A products run in i-p-j order, so the innermost loop walks a row
 * of B and a row of C with unit stride and HotSpot's auto-vectorizer can use SIMD for it. The
 * transposed-B product is a dot product of two contiguous rows, four columns of C at a time.
 * Same contracts as {@link Gemm}; package-visible so tests can call it on any JVM.
 */
final class ScalarGemm {
  private ScalarGemm() {}

  static void matmul(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                     int m, int n, int k, boolean accumulate) {
    rowsTimesB(c, cOff, a, aOff, k, 1, b, bOff, m, n, k, accumulate);
  }

  static void matmulTransA(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                           int m, int n, int k, boolean accumulate) {
    rowsTimesB(c, cOff, a, aOff, 1, m, b, bOff, m, n, k, accumulate);
  }

  static void matmulTransB(float[] c, int cOff, float[] a, int aOff, float[] b, int bOff,
                           int m, int n, int k, boolean accumulate) {
    for (int i = 0; i < m; i++) {
      int ai = aOff + i * k;
      int ci = cOff + i * n;
      int j = 0;
      for (; j + 4 <= n; j += 4) {
        int b0 = bOff + j * k;
        int b1 = b0 + k;
        int b2 = b1 + k;
        int b3 = b2 + k;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        for (int p = 0; p < k; p++) {
          float av = a[ai + p];
          s0 += av * b[b0 + p];
          s1 += av * b[b1 + p];
          s2 += av * b[b2 + p];
          s3 += av * b[b3 + p];
        }
        if (accumulate) {
          c[ci + j] += s0;
          c[ci + j + 1] += s1;
          c[ci + j + 2] += s2;
          c[ci + j + 3] += s3;
        } else {
          c[ci + j] = s0;
          c[ci + j + 1] = s1;
          c[ci + j + 2] = s2;
          c[ci + j + 3] = s3;
        }
      }
      for (; j < n; j++) {
        int bj = bOff + j * k;
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s += a[ai + p] * b[bj + p];
        }
        c[ci + j] = accumulate ? c[ci + j] + s : s;
      }
    }
  }

  /** C(m,n) (+)= A'(m,k) · B(k,n) with A'(i,p) = a[aOff + i*ars + p*acs], B row-major. */
  private static void rowsTimesB(float[] c, int cOff, float[] a, int aOff, int ars, int acs,
                                 float[] b, int bOff, int m, int n, int k,
                                 boolean accumulate) {
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * n;
      if (!accumulate) {
        Arrays.fill(c, ci, ci + n, 0f);
      }
      int ai = aOff + i * ars;
      for (int p = 0; p < k; p++) {
        float av = a[ai + p * acs];
        int bp = bOff + p * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] += av * b[bp + j];
        }
      }
    }
  }
}
