package io.sparkmlp.kernel;

/** Small vector and row/column operations on flat float arrays. Nothing allocates. */
public final class VectorOps {
  private VectorOps() {}

  /** Each of the rows of out(rows, cols) := b[bOff .. bOff+cols). Starts a GEMM that adds x·W. */
  public static void broadcastRows(float[] out, float[] b, int bOff, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(b, bOff, out, r * cols, cols);
    }
  }

  /**
   * g[gOff + j] += Σ_r d[dOff + r * cols + j]: the bias gradient of the (rows, cols) delta
   * block at d[dOff].
   */
  public static void addColumnSums(float[] g, int gOff, float[] d, int dOff, int rows,
                                   int cols) {
    for (int r = 0; r < rows; r++) {
      int o = dOff + r * cols;
      for (int j = 0; j < cols; j++) {
        g[gOff + j] += d[o + j];
      }
    }
  }

  /** x[off .. off+n) *= s. */
  public static void scale(float[] x, int off, int n, float s) {
    for (int i = off; i < off + n; i++) {
      x[i] *= s;
    }
  }

  /** y[yOff + i] += alpha * x[xOff + i] for i in [0, n). */
  public static void axpy(float[] y, int yOff, float alpha, float[] x, int xOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  /** Σ x[i]² over [off, off+n), accumulated in double. */
  public static double sumOfSquares(float[] x, int off, int n) {
    double s = 0;
    for (int i = off; i < off + n; i++) {
      s += (double) x[i] * x[i];
    }
    return s;
  }

  /** out[i] *= mask[i] for i in [0, n): applies an inverted-dropout mask. */
  public static void multiply(float[] out, float[] mask, int n) {
    for (int i = 0; i < n; i++) {
      out[i] *= mask[i];
    }
  }
}
