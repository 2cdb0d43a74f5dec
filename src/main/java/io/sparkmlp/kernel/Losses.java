package io.sparkmlp.kernel;

/**
 * Loss functions over a (rows, cols) block of network outputs, each returning the SUM of the
 * per-example losses (double) and writing the gradient of that sum. Dividing by the example
 * count happens once, after partial sums from all partitions are added up.
 *
 * <p>Targets y are read from {@code y[yOff ...]}: dense (rows, cols), or with
 * {@code sparseLabels} one class index per row (rows, 1). Per-example losses follow Keras:
 * cross-entropy sums over classes; binary cross-entropy, MSE and MAE average over columns.
 * Outputs come first; work buffers start at offset 0. Nothing allocates.
 *
 * <p>Optional per-row weights w (rows, at wOff) turn the sum into Σ w_r·loss_r and scale each
 * row of the gradient by w_r. {@code w == null} means every weight is 1: each term is then
 * multiplied by exactly 1, which IEEE 754 makes the identity, so unweighted results are bit for
 * bit those of the plain sum, in the same order of additions.
 */
public final class Losses {
  private Losses() {}

  /** Keras's epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
  public static final float EPSILON = 1e-7f;

  /**
   * Softmax and cross-entropy fused: from logits z, loss = logsumexp(z) - Σ y·z and
   * dz = w·(softmax(z) - y). This avoids dividing by p as it goes to zero and subtracts the
   * row max so exp cannot overflow.
   */
  public static double softmaxCrossEntropy(float[] dz, float[] z, float[] y, int yOff,
                                           float[] w, int wOff, int rows, int cols,
                                           boolean sparseLabels) {
    double total = 0;
    for (int r = 0; r < rows; r++) {
      float wr = weight(w, wOff, r);
      int o = r * cols;
      float max = z[o];
      for (int j = 1; j < cols; j++) {
        max = Math.max(max, z[o + j]);
      }
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        float e = (float) Math.exp(z[o + j] - max);
        dz[o + j] = e;
        sum += e;
      }
      double logSum = Math.log(sum) + max;
      float inv = (float) (1.0 / sum);
      for (int j = 0; j < cols; j++) {
        dz[o + j] *= inv;
      }
      if (sparseLabels) {
        int label = (int) y[yOff + r];
        total += wr * (logSum - z[o + label]);
        dz[o + label] -= 1f;
      } else {
        int yo = yOff + o;
        for (int j = 0; j < cols; j++) {
          float t = y[yo + j];
          if (t != 0f) {
            total += wr * (t * (logSum - z[o + j]));
          }
          dz[o + j] -= t;
        }
      }
      if (w != null) {
        for (int j = 0; j < cols; j++) {
          dz[o + j] *= wr;
        }
      }
    }
    return total;
  }

  /**
   * Sigmoid and binary cross-entropy fused, from logits z, averaged over columns:
   * loss = max(z,0) - z·y + log(1 + exp(-|z|)), dz = w·(sigmoid(z) - y) / cols.
   */
  public static double sigmoidBinaryCrossEntropy(float[] dz, float[] z, float[] y, int yOff,
                                                 float[] w, int wOff, int rows, int cols) {
    double total = 0;
    float invCols = 1f / cols;
    for (int r = 0, i = 0; r < rows; r++) {
      float wr = weight(w, wOff, r);
      for (int j = 0; j < cols; j++, i++) {
        float v = z[i];
        float t = y[yOff + i];
        total += wr * (Math.max(v, 0f) - (double) v * t + Math.log1p(Math.exp(-Math.abs(v))));
        dz[i] = (Activations.sigmoid(v) - t) * invCols * wr;
      }
    }
    return total / cols;
  }

  /**
   * Cross-entropy on probabilities a (any output activation but a fused softmax):
   * loss = -Σ y·log(clip(a)), da = -w·y / a inside the clip range and 0 outside it.
   */
  public static double crossEntropy(float[] da, float[] a, float[] y, int yOff, float[] w,
                                    int wOff, int rows, int cols, boolean sparseLabels) {
    double total = 0;
    java.util.Arrays.fill(da, 0, rows * cols, 0f);
    for (int r = 0; r < rows; r++) {
      float wr = weight(w, wOff, r);
      int o = r * cols;
      if (sparseLabels) {
        int j = (int) y[yOff + r];
        total -= wr * Math.log(clip(a[o + j]));
        da[o + j] = inRange(a[o + j]) ? -1f / a[o + j] * wr : 0f;
      } else {
        for (int j = 0; j < cols; j++) {
          float t = y[yOff + o + j];
          if (t != 0f) {
            total -= wr * (t * Math.log(clip(a[o + j])));
            da[o + j] = inRange(a[o + j]) ? -t / a[o + j] * wr : 0f;
          }
        }
      }
    }
    return total;
  }

  /**
   * Binary cross-entropy on probabilities a, averaged over columns:
   * loss = -(y·log(a) + (1-y)·log(1-a)) with a clipped, da = w·(a - y) / (a (1 - a) cols).
   */
  public static double binaryCrossEntropy(float[] da, float[] a, float[] y, int yOff, float[] w,
                                          int wOff, int rows, int cols) {
    double total = 0;
    for (int r = 0, i = 0; r < rows; r++) {
      float wr = weight(w, wOff, r);
      for (int j = 0; j < cols; j++, i++) {
        float p = clip(a[i]);
        float t = y[yOff + i];
        total -= wr * (t * Math.log(p) + (1.0 - t) * Math.log(1.0 - p));
        da[i] = inRange(a[i])
            ? (float) ((p - t) / ((double) p * (1.0 - p) * cols)) * wr : 0f;
      }
    }
    return total / cols;
  }

  /** Mean squared error over columns: loss = Σ (a-y)² / cols, da = 2 w (a - y) / cols. */
  public static double meanSquaredError(float[] da, float[] a, float[] y, int yOff, float[] w,
                                        int wOff, int rows, int cols) {
    double total = 0;
    float scale = 2f / cols;
    for (int r = 0, i = 0; r < rows; r++) {
      float wr = weight(w, wOff, r);
      for (int j = 0; j < cols; j++, i++) {
        float d = a[i] - y[yOff + i];
        total += wr * ((double) d * d);
        da[i] = scale * d * wr;
      }
    }
    return total / cols;
  }

  /** Mean absolute error over columns: loss = Σ |a-y| / cols, da = w sign(a - y) / cols. */
  public static double meanAbsoluteError(float[] da, float[] a, float[] y, int yOff, float[] w,
                                         int wOff, int rows, int cols) {
    double total = 0;
    float scale = 1f / cols;
    for (int r = 0, i = 0; r < rows; r++) {
      float wr = weight(w, wOff, r);
      for (int j = 0; j < cols; j++, i++) {
        float d = a[i] - y[yOff + i];
        total += wr * (double) Math.abs(d);
        da[i] = Math.signum(d) * scale * wr;
      }
    }
    return total / cols;
  }

  /** Row r's weight, 1 without weights. */
  private static float weight(float[] w, int wOff, int r) {
    return w == null ? 1f : w[wOff + r];
  }

  private static float clip(float p) {
    return Math.min(Math.max(p, EPSILON), 1f - EPSILON);
  }

  private static boolean inRange(float p) {
    return p > EPSILON && p < 1f - EPSILON;
  }
}
