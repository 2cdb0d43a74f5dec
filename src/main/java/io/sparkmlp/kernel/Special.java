package io.sparkmlp.kernel;

/** Special functions the JDK lacks, accurate to well below float32 resolution. */
public final class Special {
  private Special() {}

  private static final double INV_SQRT_2 = 0.7071067811865476;
  private static final double INV_SQRT_2PI = 0.3989422804014327;

  /** Standard normal density φ(x). */
  public static double normalPdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Standard normal distribution function Φ(x) = (1 + erf(x/√2)) / 2. */
  public static double normalCdf(double x) {
    return 0.5 * (1.0 + erf(x * INV_SQRT_2));
  }

  /**
   * Error function, W. J. Cody's rational Chebyshev approximation as in Numerical Recipes'
   * erfc (fractional error below 1.2e-7 everywhere), which is finer than float32 needs.
   */
  public static double erf(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196
        + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398
        + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1.0 - r : r - 1.0;
  }
}
