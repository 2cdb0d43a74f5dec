package io.sparkmlp.kernel;

/**
 * Element-wise activation functions, forward and backward, on flat float arrays.
 *
 * <p>Forward methods write {@code a[off..off+n)} from pre-activations {@code z}; they may be
 * called with {@code a == z} only where noted. Backward methods write
 * {@code dz = da * f'(z)} (element-wise) and may be called with {@code dz == da}.
 * Softmax works on rows of a (rows, cols) block. Nothing allocates.
 */
public final class Activations {
  private Activations() {}

  /** a = max(z, 0). In place allowed. (C2 vectorizes this loop by itself.) */
  public static void relu(float[] a, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      a[i] = Math.max(z[i], 0f);
    }
  }

  /**
   * dz = da where z > 0, else 0. On the Vector API when {@link Gemm#VECTORIZED}, with the same
   * results: C2 does not vectorize this select, and on random signs the plain loop mispredicts.
   */
  public static void reluBackward(float[] dz, float[] da, float[] z, int off, int n) {
    if (Gemm.VECTORIZED) {
      VectorActivations.reluBackward(dz, da, z, off, n);
    } else {
      reluBackwardScalar(dz, da, z, off, off + n);
    }
  }

  /** {@link #reluBackward} on [from, to) as a plain loop. */
  static void reluBackwardScalar(float[] dz, float[] da, float[] z, int from, int to) {
    for (int i = from; i < to; i++) {
      dz[i] = z[i] > 0f ? da[i] : 0f;
    }
  }

  /** a = z for z >= 0, slope * z otherwise. In place allowed. */
  public static void leakyRelu(float[] a, float[] z, int off, int n, float slope) {
    for (int i = off; i < off + n; i++) {
      float v = z[i];
      a[i] = v >= 0f ? v : slope * v;
    }
  }

  /** dz = da for z >= 0, slope * da otherwise. */
  public static void leakyReluBackward(float[] dz, float[] da, float[] z, int off, int n,
                                       float slope) {
    for (int i = off; i < off + n; i++) {
      dz[i] = z[i] >= 0f ? da[i] : slope * da[i];
    }
  }

  /** a = z for z > 0, alpha * (exp(z) - 1) otherwise. In place allowed. */
  public static void elu(float[] a, float[] z, int off, int n, float alpha) {
    for (int i = off; i < off + n; i++) {
      float v = z[i];
      a[i] = v > 0f ? v : alpha * (float) Math.expm1(v);
    }
  }

  /** dz = da for z > 0, da * alpha * exp(z) otherwise. */
  public static void eluBackward(float[] dz, float[] da, float[] z, int off, int n, float alpha) {
    for (int i = off; i < off + n; i++) {
      float v = z[i];
      dz[i] = v > 0f ? da[i] : da[i] * alpha * (float) Math.exp(v);
    }
  }

  /** a = 1 / (1 + exp(-z)), computed without overflow for large |z|. In place allowed. */
  public static void sigmoid(float[] a, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      a[i] = sigmoid(z[i]);
    }
  }

  /**
   * dz = da * s * (1 - s) with s = sigmoid(z), read from the forward output s (the same float
   * as computing it again, for half the exponentials).
   */
  public static void sigmoidBackward(float[] dz, float[] da, float[] s, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float si = s[i];
      dz[i] = da[i] * si * (1f - si);
    }
  }

  /** a = tanh(z). In place allowed. */
  public static void tanh(float[] a, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      a[i] = (float) Math.tanh(z[i]);
    }
  }

  /**
   * dz = da * (1 - t^2) with t = tanh(z), read from the forward output t (the same float as
   * computing it again, for half the tanh calls).
   */
  public static void tanhBackward(float[] dz, float[] da, float[] t, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float ti = t[i];
      dz[i] = da[i] * (1f - ti * ti);
    }
  }

  /** a = z * sigmoid(z) (swish / SiLU). In place allowed. */
  public static void swish(float[] a, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float v = z[i];
      a[i] = v * sigmoid(v);
    }
  }

  /** dz = da * (s + z * s * (1 - s)) with s = sigmoid(z). */
  public static void swishBackward(float[] dz, float[] da, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      float v = z[i];
      float s = sigmoid(v);
      dz[i] = da[i] * (s + v * s * (1f - s));
    }
  }

  /** Exact GELU, as Keras's default (approximate=False): a = z * Φ(z). In place allowed. */
  public static void gelu(float[] a, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      double v = z[i];
      a[i] = (float) (v * Special.normalCdf(v));
    }
  }

  /** dz = da * (Φ(z) + z * φ(z)). */
  public static void geluBackward(float[] dz, float[] da, float[] z, int off, int n) {
    for (int i = off; i < off + n; i++) {
      double v = z[i];
      dz[i] = (float) (da[i] * (Special.normalCdf(v) + v * Special.normalPdf(v)));
    }
  }

  /**
   * Row-wise softmax of a (rows, cols) block at off: a = exp(z - max) / sum. Subtracting the
   * row max keeps exp from overflowing. In place allowed.
   */
  public static void softmaxRows(float[] a, float[] z, int off, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      int o = off + r * cols;
      float max = z[o];
      for (int j = 1; j < cols; j++) {
        max = Math.max(max, z[o + j]);
      }
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        float e = (float) Math.exp(z[o + j] - max);
        a[o + j] = e;
        sum += e;
      }
      float inv = (float) (1.0 / sum);
      for (int j = 0; j < cols; j++) {
        a[o + j] *= inv;
      }
    }
  }

  /**
   * Softmax backward through its Jacobian, per row: dz = a * (da - Σ da·a), where a is the
   * softmax output. Used only when softmax is not paired with cross-entropy (that pair is fused).
   */
  public static void softmaxBackwardRows(float[] dz, float[] da, float[] a, int off, int rows,
                                         int cols) {
    for (int r = 0; r < rows; r++) {
      int o = off + r * cols;
      double dot = 0;
      for (int j = 0; j < cols; j++) {
        dot += (double) da[o + j] * a[o + j];
      }
      float d = (float) dot;
      for (int j = 0; j < cols; j++) {
        dz[o + j] = a[o + j] * (da[o + j] - d);
      }
    }
  }

  /** Logistic function, stable for large |z|. */
  public static float sigmoid(float z) {
    if (z >= 0f) {
      return (float) (1.0 / (1.0 + Math.exp(-z)));
    }
    double e = Math.exp(z);
    return (float) (e / (1.0 + e));
  }
}
