package io.sparkmlp.data;

import io.sparkmlp.util.Checks;

/**
 * Fixed, data-independent rescaling, e.g. image pixels from 0..255 to 0..1 with
 * {@code Scaling.divide(x, Scaling.PIXEL_MAX)}. Nothing is fitted, so the same call applies
 * to training and test data alike.
 */
public final class Scaling {
  /** The largest value of an 8-bit pixel; dividing by it maps pixels onto [0, 1]. */
  public static final float PIXEL_MAX = 255f;

  private Scaling() {}

  /** A new matrix of the same shape holding {@code x * factor}. */
  public static Matrix scale(Matrix x, float factor) {
    Checks.argument(Float.isFinite(factor), "scale factor must be finite, got %s", factor);
    float[] v = x.values();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * factor;
    }
    return new Matrix(out, x.rows(), x.cols());
  }

  /**
   * A new matrix of the same shape holding {@code x / divisor}. Dividing (rather than scaling
   * by 1/divisor) rounds exactly as NumPy's {@code x.astype('float32') / 255} does, so pixels
   * match a Keras pipeline bit for bit.
   */
  public static Matrix divide(Matrix x, float divisor) {
    Checks.argument(Float.isFinite(divisor) && divisor != 0,
        "divisor must be finite and nonzero, got %s", divisor);
    float[] v = x.values();
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / divisor;
    }
    return new Matrix(out, x.rows(), x.cols());
  }
}
