package io.sparkmlp.nn;

import java.util.Locale;

/**
 * Metrics reported next to the loss, by Keras's names. Each sums a per-example value over a
 * block of outputs so partial sums from batches and partitions add up; the reported value is
 * the sum divided by the example count. {@link #ACCURACY} follows Keras's choice by loss:
 * argmax match for (sparse) categorical cross-entropy, 0.5-threshold match averaged over
 * columns for binary cross-entropy.
 */
public enum Metric {
  ACCURACY("accuracy"),
  TOP_K_ACCURACY("top_k_accuracy"),
  MSE("mse"),
  MAE("mae");

  /** Keras's default k for top_k_categorical_accuracy. */
  public static final int TOP_K = 5;

  private final String kerasName;

  Metric(String kerasName) {
    this.kerasName = kerasName;
  }

  public String kerasName() {
    return kerasName;
  }

  /** The metric with this Keras name (case-insensitive; "acc" and long names accepted). */
  public static Metric byName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "accuracy", "acc", "categorical_accuracy", "sparse_categorical_accuracy",
          "binary_accuracy" -> ACCURACY;
      case "top_k_accuracy", "top_k_categorical_accuracy",
          "sparse_top_k_categorical_accuracy" -> TOP_K_ACCURACY;
      case "mse", "mean_squared_error" -> MSE;
      case "mae", "mean_absolute_error" -> MAE;
      default -> throw new IllegalArgumentException("unknown metric '" + name
          + "'; expected one of: accuracy, top_k_accuracy, mse, mae");
    };
  }

  /** Throws if this metric makes no sense with the given loss (accuracy of a regression). */
  public void checkCompatible(Loss loss) {
    if ((this == ACCURACY || this == TOP_K_ACCURACY) && !loss.isClassification()) {
      throw new IllegalArgumentException("metric '" + kerasName + "' needs a classification loss"
          + " (categorical_crossentropy, sparse_categorical_crossentropy or binary_crossentropy),"
          + " got '" + loss.kerasName() + "'");
    }
    if (this == TOP_K_ACCURACY && loss == Loss.BINARY_CROSSENTROPY) {
      throw new IllegalArgumentException("metric 'top_k_accuracy' needs a categorical loss, "
          + "got 'binary_crossentropy'");
    }
  }

  /**
   * Sum of this metric over rows outputs a (rows, cols, starting at 0) against targets y at
   * yOff, laid out as the loss expects them.
   */
  public double sum(float[] a, float[] y, int yOff, int rows, int cols, Loss loss) {
    return sum(a, y, yOff, null, 0, rows, cols, loss);
  }

  /**
   * The weighted sum Σ w_r·metric_r, with weights w at wOff (null: unweighted, each value
   * times exactly 1, the plain sum bit for bit).
   */
  public double sum(float[] a, float[] y, int yOff, float[] w, int wOff, int rows, int cols,
                    Loss loss) {
    boolean sparse = loss.sparseLabels();
    double total = 0;
    for (int r = 0; r < rows; r++) {
      int o = r * cols;
      double wr = w == null ? 1 : w[wOff + r];
      double value = switch (this) {
        case ACCURACY -> loss == Loss.BINARY_CROSSENTROPY
            ? binaryMatches(a, o, y, yOff + o, cols)
            : (argmax(a, o, cols) == label(y, yOff, r, cols, sparse) ? 1 : 0);
        case TOP_K_ACCURACY -> inTopK(a, o, cols, label(y, yOff, r, cols, sparse)) ? 1 : 0;
        case MSE, MAE -> meanError(a, o, y, yOff + o, cols, sparse ? null : this);
      };
      total += wr * value;
    }
    return total;
  }

  private double meanError(float[] a, int o, float[] y, int yo, int cols, Metric kind) {
    if (kind == null) {
      throw new IllegalArgumentException("metric '" + kerasName
          + "' needs one target per output, not sparse class labels");
    }
    double s = 0;
    for (int j = 0; j < cols; j++) {
      double d = a[o + j] - y[yo + j];
      s += kind == MSE ? d * d : Math.abs(d);
    }
    return s / cols;
  }

  private static double binaryMatches(float[] a, int o, float[] y, int yo, int cols) {
    int hits = 0;
    for (int j = 0; j < cols; j++) {
      if ((a[o + j] > 0.5f) == (y[yo + j] > 0.5f)) {
        hits++;
      }
    }
    return (double) hits / cols;
  }

  private static int label(float[] y, int yOff, int r, int cols, boolean sparse) {
    return sparse ? (int) y[yOff + r] : argmax(y, yOff + r * cols, cols);
  }

  /** Index of the largest value in v[o .. o+n); the first one on ties. */
  public static int argmax(float[] v, int o, int n) {
    int best = 0;
    for (int j = 1; j < n; j++) {
      if (v[o + j] > v[o + best]) {
        best = j;
      }
    }
    return best;
  }

  private static boolean inTopK(float[] a, int o, int cols, int label) {
    float target = a[o + label];
    int larger = 0;
    for (int j = 0; j < cols; j++) {
      if (a[o + j] > target) {
        larger++;
      }
    }
    return larger < TOP_K;
  }
}
