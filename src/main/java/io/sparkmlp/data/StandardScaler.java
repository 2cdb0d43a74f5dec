package io.sparkmlp.data;

import io.sparkmlp.util.Checks;

/**
 * Standardises each column to mean 0 and standard deviation 1: {@code (x - mean) / std}, as
 * scikit-learn's StandardScaler does. Fit on the training set only, then transform every set
 * with the same statistics.
 *
 * <p>The standard deviation is the population one (divide by n). A constant column gets std 1,
 * so it maps to 0 instead of NaN. Statistics are accumulated in double ({@link ColumnStats})
 * and kept as float.
 */
public final class StandardScaler {
  private final float[] mean;
  private final float[] std;

  /**
   * A scaler from saved statistics (one entry per column), e.g. read back from a model
   * directory. Every std must be finite and positive.
   */
  public StandardScaler(float[] mean, float[] std) {
    Checks.argument(mean.length == std.length && mean.length > 0,
        "mean has %s values and std %s; expected the same number, at least 1", mean.length,
        std.length);
    for (int c = 0; c < mean.length; c++) {
      Checks.argument(Float.isFinite(mean[c]), "mean of column %s is %s; expected a finite "
          + "number", c, mean[c]);
      Checks.argument(Float.isFinite(std[c]) && std[c] > 0, "std of column %s is %s; expected "
          + "a finite number > 0", c, std[c]);
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /** Per-column mean and population standard deviation of x (rows, cols); x must be finite. */
  public static StandardScaler fit(Matrix x) {
    Checks.argument(x.rows() > 0, "cannot fit a StandardScaler on a matrix with 0 rows");
    DataChecks.requireFinite(x, "data passed to StandardScaler.fit");
    return fit(new ColumnStats(x.cols()).add(x.values(), x.rows(), x.cols()));
  }

  /**
   * The scaler of accumulated statistics, e.g. merged over the partitions of a Spark data set.
   * This is the one place a constant column is decided: by its range, because rounding in the
   * mean can leave a tiny nonzero variance that would blow the column up instead of mapping it
   * to 0. A constant column keeps its value as mean and gets std 1.
   */
  public static StandardScaler fit(ColumnStats stats) {
    Checks.argument(stats.count() > 0, "cannot fit a StandardScaler on 0 rows");
    int cols = stats.cols();
    double[] mean = stats.mean();
    double[] variance = stats.variance();
    double[] min = stats.min();
    double[] max = stats.max();
    float[] m = new float[cols];
    float[] s = new float[cols];
    for (int c = 0; c < cols; c++) {
      boolean constant = min[c] == max[c];
      m[c] = (float) (constant ? min[c] : mean[c]);
      float sd = (float) Math.sqrt(variance[c]);
      s[c] = constant || !(sd > 0) ? 1f : sd;
    }
    return new StandardScaler(m, s);
  }

  /** A new (rows, cols) matrix {@code (x - mean) / std}, column by column. */
  public Matrix transform(Matrix x) {
    Checks.argument(x.cols() == mean.length, "the scaler was fitted on %s columns, got a matrix "
        + "with %s", mean.length, x.cols());
    float[] v = x.values();
    float[] out = new float[v.length];
    int cols = mean.length;
    for (int o = 0; o < v.length; o += cols) {
      for (int c = 0; c < cols; c++) {
        out[o + c] = (v[o + c] - mean[c]) / std[c];
      }
    }
    return new Matrix(out, x.rows(), cols);
  }

  /** Number of columns the scaler was fitted on. */
  public int cols() {
    return mean.length;
  }

  /** Per-column means (a copy). */
  public float[] mean() {
    return mean.clone();
  }

  /** Per-column population standard deviations, 1 for constant columns (a copy). */
  public float[] std() {
    return std.clone();
  }
}
