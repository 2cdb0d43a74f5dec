package io.sparkmlp.data;

import io.sparkmlp.util.Checks;
import java.util.Arrays;

/**
 * Maps each column linearly from its fitted [min, max] onto [low, high] ([0, 1] by default),
 * as scikit-learn's MinMaxScaler does. A constant column maps to low. Values outside the
 * fitted range (in data transformed later) land outside [low, high]; nothing is clipped.
 */
public final class MinMaxScaler {
  public static final float DEFAULT_LOW = 0f;
  public static final float DEFAULT_HIGH = 1f;

  private final float[] min;
  private final float[] max;
  private final float low;
  private final float high;

  /** A scaler from saved per-column minima and maxima onto [low, high]. */
  public MinMaxScaler(float[] min, float[] max, float low, float high) {
    Checks.argument(min.length == max.length && min.length > 0,
        "min has %s values and max %s; expected the same number, at least 1", min.length,
        max.length);
    Checks.argument(Float.isFinite(low) && Float.isFinite(high) && low < high,
        "target range must be finite with low < high, got [%s, %s]", low, high);
    for (int c = 0; c < min.length; c++) {
      Checks.argument(Float.isFinite(min[c]) && Float.isFinite(max[c]) && min[c] <= max[c],
          "column %s has min %s and max %s; expected finite numbers with min <= max", c,
          min[c], max[c]);
    }
    this.min = min.clone();
    this.max = max.clone();
    this.low = low;
    this.high = high;
  }

  /** Fits per-column minima and maxima of x (rows, cols) for the range [0, 1]. */
  public static MinMaxScaler fit(Matrix x) {
    return fit(x, DEFAULT_LOW, DEFAULT_HIGH);
  }

  /** Fits per-column minima and maxima of x (rows, cols) for the range [low, high]. */
  public static MinMaxScaler fit(Matrix x, float low, float high) {
    Checks.argument(x.rows() > 0, "cannot fit a MinMaxScaler on a matrix with 0 rows");
    DataChecks.requireFinite(x, "data passed to MinMaxScaler.fit");
    int cols = x.cols();
    float[] v = x.values();
    float[] mn = Arrays.copyOf(v, cols);
    float[] mx = Arrays.copyOf(v, cols);
    for (int o = cols; o < v.length; o += cols) {
      for (int c = 0; c < cols; c++) {
        mn[c] = Math.min(mn[c], v[o + c]);
        mx[c] = Math.max(mx[c], v[o + c]);
      }
    }
    return new MinMaxScaler(mn, mx, low, high);
  }

  /** A new (rows, cols) matrix {@code low + (x - min) / (max - min) * (high - low)}. */
  public Matrix transform(Matrix x) {
    Checks.argument(x.cols() == min.length, "the scaler was fitted on %s columns, got a matrix "
        + "with %s", min.length, x.cols());
    float[] v = x.values();
    float[] out = new float[v.length];
    int cols = min.length;
    double span = (double) high - low;
    for (int o = 0; o < v.length; o += cols) {
      for (int c = 0; c < cols; c++) {
        double range = (double) max[c] - min[c];
        // Dividing (rather than multiplying by a reciprocal) maps min and max exactly onto
        // low and high.
        double t = range > 0 ? (v[o + c] - (double) min[c]) / range : 0;
        out[o + c] = (float) (low + t * span);
      }
    }
    return new Matrix(out, x.rows(), cols);
  }

  /** Number of columns the scaler was fitted on. */
  public int cols() {
    return min.length;
  }

  /** Per-column minima seen by fit (a copy). */
  public float[] dataMin() {
    return min.clone();
  }

  /** Per-column maxima seen by fit (a copy). */
  public float[] dataMax() {
    return max.clone();
  }

  /** The low end of the target range. */
  public float low() {
    return low;
  }

  /** The high end of the target range. */
  public float high() {
    return high;
  }
}
