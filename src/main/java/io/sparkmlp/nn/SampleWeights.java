package io.sparkmlp.nn;

/**
 * Per-example weights (Spark ML's weightCol, Keras's sample_weight): one float per row, finite
 * and >= 0. A weighted loss or metric is Σ w_i·value_i / Σ w_i; null weights mean the plain
 * mean, and every method here treats null as "each row weighs 1".
 */
public final class SampleWeights {
  private SampleWeights() {}

  /**
   * Σ w[off .. off+rows) in double, in index order (so a given block always gives the same
   * bits); {@code rows} itself when w is null.
   */
  public static double sum(float[] w, int off, int rows) {
    if (w == null) {
      return rows;
    }
    double s = 0;
    for (int i = off; i < off + rows; i++) {
      s += w[i];
    }
    return s;
  }

  /**
   * Throws an IllegalArgumentException naming the first weight that is negative, NaN or
   * infinite, by its row in the whole data set, e.g.
   * {@code training data weights: row 12 is -1.0; every weight must be finite and >= 0}.
   *
   * @param name what the data is to the user ("training data", "x_train.npy", ...)
   * @param rowOffset the row of the whole data set at which w[off] sits
   */
  public static void check(float[] w, int off, int rows, String name, long rowOffset) {
    if (w == null) {
      return;
    }
    for (int r = 0; r < rows; r++) {
      float v = w[off + r];
      if (!isValid(v)) {
        throw new IllegalArgumentException(String.format("%s weights: row %s is %s; every "
            + "weight must be finite and >= 0", name, rowOffset + r, v));
      }
    }
  }

  /** Whether v can weigh an example: finite and not negative. */
  public static boolean isValid(double v) {
    return v >= 0 && v <= Double.MAX_VALUE;
  }
}
