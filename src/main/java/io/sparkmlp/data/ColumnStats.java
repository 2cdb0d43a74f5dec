package io.sparkmlp.data;

import io.sparkmlp.util.Checks;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Per-column count, mean, sum of squared deviations (M2), minimum and maximum of float rows,
 * accumulated in double and mergeable: statistics of parts merged together equal those of the
 * whole, up to rounding, however the rows are split. That makes one accumulator serve a local
 * fit, a Spark {@code treeReduce} over partitions, and anything in between.
 *
 * <p>Variance is never formed as E[x²] − E[x]²: for a feature of 1e6 plus unit noise that
 * difference of two numbers near 1e12 cancels to garbage. A block of rows is summarised in two
 * passes (its mean, then squared deviations from it) and merged by Chan, Golub and LeVeque's
 * formula; a single row is a Welford update.
 *
 * <p>Mutable: {@link #add} and {@link #merge} change this accumulator and return it, the shape
 * Spark's aggregation functions take. A plain class rather than a record, so it travels under
 * both the Java serializer and Spark's Kryo.
 */
public final class ColumnStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int cols;
  private long count;
  private final double[] mean;
  private final double[] m2;
  private final double[] min;
  private final double[] max;

  /** An empty accumulator for rows of cols values. */
  public ColumnStats(int cols) {
    Checks.argument(cols >= 1, "cols must be >= 1, got %s", cols);
    this.cols = cols;
    this.mean = new double[cols];
    this.m2 = new double[cols];
    this.min = new double[cols];
    this.max = new double[cols];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
  }

  /** Adds one row (cols values): a Welford update. */
  public ColumnStats add(float[] row) {
    Checks.argument(row.length == cols, "row has %s values, expected %s", row.length, cols);
    count++;
    for (int c = 0; c < cols; c++) {
      double v = row[c];
      double delta = v - mean[c];
      mean[c] += delta / count;
      m2[c] += delta * (v - mean[c]);
      min[c] = Math.min(min[c], v);
      max[c] = Math.max(max[c], v);
    }
    return this;
  }

  /**
   * Adds the rows of x (rows, cols), row-major: their mean and M2 in two passes over x, then
   * merged in. Into an empty accumulator this is exactly the two-pass result.
   */
  public ColumnStats add(float[] x, int rows, int cols) {
    Checks.argument(cols == this.cols, "rows have %s columns, expected %s", cols, this.cols);
    Checks.argument(rows >= 0 && x.length == (long) rows * cols,
        "x has %s values, expected rows*cols = %s*%s", x.length, rows, cols);
    if (rows == 0) {
      return this;
    }
    double[] sum = new double[cols];
    double[] lo = new double[cols];
    double[] hi = new double[cols];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int o = 0; o < x.length; o += cols) {
      for (int c = 0; c < cols; c++) {
        double v = x[o + c];
        sum[c] += v;
        lo[c] = Math.min(lo[c], v);
        hi[c] = Math.max(hi[c], v);
      }
    }
    double[] blockMean = new double[cols];
    for (int c = 0; c < cols; c++) {
      blockMean[c] = sum[c] / rows;
    }
    double[] squares = new double[cols];
    for (int o = 0; o < x.length; o += cols) {
      for (int c = 0; c < cols; c++) {
        double d = x[o + c] - blockMean[c];
        squares[c] += d * d;
      }
    }
    merge(rows, blockMean, squares, lo, hi);
    return this;
  }

  /** Adds everything other has seen (other is left as it is). */
  public ColumnStats merge(ColumnStats other) {
    Checks.argument(other.cols == cols, "cannot merge statistics of %s columns into %s",
        other.cols, cols);
    merge(other.count, other.mean, other.m2, other.min, other.max);
    return this;
  }

  /**
   * Chan et al.: with δ = mean_b − mean_a and n = n_a + n_b, mean = mean_a + δ·n_b/n and
   * M2 = M2_a + M2_b + δ²·n_a·n_b/n. An empty side is skipped or copied, so merging into an
   * empty accumulator reproduces the other exactly.
   */
  private void merge(long nB, double[] meanB, double[] m2B, double[] minB, double[] maxB) {
    if (nB == 0) {
      return;
    }
    long nA = count;
    count = nA + nB;
    for (int c = 0; c < cols; c++) {
      if (nA == 0) {
        mean[c] = meanB[c];
        m2[c] = m2B[c];
      } else {
        double delta = meanB[c] - mean[c];
        mean[c] += delta * nB / count;
        m2[c] += m2B[c] + delta * delta * ((double) nA * nB / count);
      }
      min[c] = Math.min(min[c], minB[c]);
      max[c] = Math.max(max[c], maxB[c]);
    }
  }

  /** Values per row. */
  public int cols() {
    return cols;
  }

  /** Rows added so far. */
  public long count() {
    return count;
  }

  /** Per-column means (a copy). */
  public double[] mean() {
    requireRows();
    return mean.clone();
  }

  /** Per-column population variances, M2 / count (a copy), as scikit-learn's scaler uses. */
  public double[] variance() {
    requireRows();
    double[] v = new double[cols];
    for (int c = 0; c < cols; c++) {
      v[c] = m2[c] / count;
    }
    return v;
  }

  /** Per-column minima (a copy). */
  public double[] min() {
    requireRows();
    return min.clone();
  }

  /** Per-column maxima (a copy). */
  public double[] max() {
    requireRows();
    return max.clone();
  }

  private void requireRows() {
    Checks.state(count > 0, "no rows were added: there are no statistics yet");
  }
}
