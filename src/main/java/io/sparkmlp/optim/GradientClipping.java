package io.sparkmlp.optim;

/**
 * Gradient clipping by global L2 norm, Keras's {@code global_clipnorm} applied to the one flat
 * gradient array:
 *
 * <pre>
 *   ||g|| = sqrt(Σ g_i²)            (accumulated in double)
 *   if ||g|| &gt; c:  g ← g · c / ||g||
 * </pre>
 *
 * <p>Because all parameters live in one array, this is the norm over the whole network, not
 * per layer as Keras's per-variable {@code clipnorm} would be.
 */
public final class GradientClipping {
  private GradientClipping() {}

  /** sqrt(Σ g_i²), summed in double so that large arrays lose no precision. */
  public static double globalNorm(float[] g) {
    // Four independent accumulators break the add-latency chain (about 4x faster than one)
    // without changing what is summed.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = g.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      double a = g[i];
      double b = g[i + 1];
      double c = g[i + 2];
      double d = g[i + 3];
      s0 += a * a;
      s1 += b * b;
      s2 += c * c;
      s3 += d * d;
    }
    for (; i < n; i++) {
      double a = g[i];
      s0 += a * a;
    }
    return Math.sqrt((s0 + s1) + (s2 + s3));
  }

  /**
   * Scales {@code g} in place so that its global norm is at most {@code clipnorm}; leaves it
   * untouched (bit for bit) when the norm is already within it. Returns the norm before clipping.
   *
   * @param clipnorm the largest allowed norm, &gt; 0 ({@code +Infinity} never clips)
   */
  public static double clipByGlobalNorm(float[] g, double clipnorm) {
    if (!(clipnorm > 0)) {
      throw new IllegalArgumentException("clipnorm must be > 0, got " + clipnorm);
    }
    double norm = globalNorm(g);
    if (norm > clipnorm) {
      float scale = (float) (clipnorm / norm);
      for (int i = 0; i < g.length; i++) {
        g[i] *= scale;
      }
    }
    return norm;
  }
}
