package io.sparkmlp.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Weight initialisers with Keras's names and formulas (VarianceScaling): uniform ones draw from
 * [-limit, limit] with limit = sqrt(3 scale / n); normal ones from a normal truncated at two
 * standard deviations, with stddev = sqrt(scale / n) / 0.8796 so the truncated variance is
 * scale / n. n is fan_in, fan_out or their mean, depending on the initialiser.
 */
public enum Initializer {
  GLOROT_UNIFORM("glorot_uniform"),
  GLOROT_NORMAL("glorot_normal"),
  HE_UNIFORM("he_uniform"),
  HE_NORMAL("he_normal"),
  LECUN_UNIFORM("lecun_uniform"),
  LECUN_NORMAL("lecun_normal"),
  ZEROS("zeros"),
  ONES("ones");

  /** Keras's default for Dense kernels. */
  public static final Initializer DEFAULT_KERNEL = GLOROT_UNIFORM;
  /** Standard deviation of a unit normal truncated to [-2, 2]. */
  private static final double TRUNCATED_STDDEV = 0.87962566103423978;

  private final String kerasName;

  Initializer(String kerasName) {
    this.kerasName = kerasName;
  }

  public String kerasName() {
    return kerasName;
  }

  /** The initialiser with this Keras name (case-insensitive). */
  public static Initializer byName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Initializer i : values()) {
      if (i.kerasName.equals(n)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown initializer '" + name + "'; expected one of: "
        + Arrays.stream(values()).map(Initializer::kerasName).collect(Collectors.joining(", ")));
  }

  /** Fills p[off .. off+fanIn*fanOut) with a (fanIn, fanOut) kernel drawn from rng. */
  public void fill(float[] p, int off, int fanIn, int fanOut, SplittableRandom rng) {
    int n = fanIn * fanOut;
    switch (this) {
      case ZEROS -> Arrays.fill(p, off, off + n, 0f);
      case ONES -> Arrays.fill(p, off, off + n, 1f);
      case GLOROT_UNIFORM -> uniform(p, off, n, 1.0, (fanIn + fanOut) / 2.0, rng);
      case HE_UNIFORM -> uniform(p, off, n, 2.0, fanIn, rng);
      case LECUN_UNIFORM -> uniform(p, off, n, 1.0, fanIn, rng);
      case GLOROT_NORMAL -> truncatedNormal(p, off, n, 1.0, (fanIn + fanOut) / 2.0, rng);
      case HE_NORMAL -> truncatedNormal(p, off, n, 2.0, fanIn, rng);
      case LECUN_NORMAL -> truncatedNormal(p, off, n, 1.0, fanIn, rng);
      default -> throw new AssertionError(this);
    }
  }

  private static void uniform(float[] p, int off, int n, double scale, double fan,
                              SplittableRandom rng) {
    double limit = Math.sqrt(3.0 * scale / fan);
    for (int i = off; i < off + n; i++) {
      p[i] = (float) ((rng.nextDouble() * 2.0 - 1.0) * limit);
    }
  }

  private static void truncatedNormal(float[] p, int off, int n, double scale, double fan,
                                      SplittableRandom rng) {
    double stddev = Math.sqrt(scale / fan) / TRUNCATED_STDDEV;
    for (int i = off; i < off + n; i++) {
      double g;
      do {
        g = gaussian(rng);
      } while (Math.abs(g) > 2.0);
      p[i] = (float) (g * stddev);
    }
  }

  /** Box-Muller on the given generator, so results depend only on the seed. */
  private static double gaussian(SplittableRandom rng) {
    double u1;
    do {
      u1 = rng.nextDouble();
    } while (u1 == 0.0);
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
