package io.sparkmlp.train;

/**
 * How a full-batch pass's loss sum travels so that its total does not depend on the order in
 * which partial sums are merged (Spark merges task results as they finish): each holder's
 * double loss sum is sent as two floats, hi = (float) v and lo = (float) (v − hi), and the
 * totals of each are double sums of floats of similar magnitude, which are exact, so
 * Σhi + Σlo is the same in every order (to 48 bits of each holder's sum). L-BFGS's line
 * search compares losses, so an order-dependent last bit could change its steps; exact steps
 * never feed the loss back, and keep their plain sums.
 * <pre>
 *   split: [loss, metrics...]        → [hi, metrics..., lo]    (one holder, before merging)
 *   join:  [Σhi, Σmetrics..., Σlo]   → [Σhi + Σlo, Σmetrics...] (after merging)
 * </pre>
 */
final class FullBatchSums {
  private FullBatchSums() {}

  /** A holder's sums with the loss as hi and lo parts (lo last). */
  public static double[] split(double[] sums) {
    double[] out = new double[sums.length + 1];
    System.arraycopy(sums, 0, out, 0, sums.length);
    float hi = (float) sums[0];
    out[0] = hi;
    out[sums.length] = (float) (sums[0] - hi);
    return out;
  }

  /** The merged sums with the loss parts added back together. */
  public static double[] join(double[] split) {
    double[] out = new double[split.length - 1];
    System.arraycopy(split, 0, out, 0, out.length);
    out[0] = split[0] + split[out.length];
    return out;
  }
}
