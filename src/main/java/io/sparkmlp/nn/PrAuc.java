package io.sparkmlp.nn;

/**
 * The area under a binary classifier's precision-recall curve, exactly as MLlib's
 * {@code BinaryClassificationMetrics.areaUnderPR} computes it without binning. Every distinct
 * score is a threshold; the rows scoring at or above it are predicted positive, which gives
 * one point (recall, precision). The points, in descending score order and preceded by
 * (0, the first point's precision), are joined by straight lines: the trapezoid rule. Rows of
 * equal score enter together (one point per tie). Rows weigh their sample weight (1 when
 * counted); recall is 0 without positive weight and precision 1 where no weight is predicted
 * positive yet, as MLlib has them.
 *
 * <p>The {@link Sweep} takes the groups in descending score order, so the groups can come from
 * a distributed sort: each sorted partition sweeps its own groups starting from the weights of
 * the partitions above it.
 */
public final class PrAuc {
  private PrAuc() {}

  /** The area of weighted rows whose positive ones are marked; NaN for no rows. */
  public static double of(double[] scores, boolean[] positive, double[] weights) {
    ScoreGroups g = ScoreGroups.of(scores, positive, weights);
    if (g.size() == 0) {
      return Double.NaN;
    }
    double positives = 0;
    for (double p : g.positives) {
      positives += p;
    }
    Sweep sweep = new Sweep(positives);
    for (int i = g.size() - 1; i >= 0; i--) {
      sweep.add(g.positives[i], g.negatives[i]);
    }
    return sweep.area();
  }

  /**
   * Walks score groups in descending order, adding one trapezoid per group: from the point of
   * the groups above to the point that this group's rows complete.
   */
  public static final class Sweep {
    private final double positives;
    private double truePositives;
    private double falsePositives;
    private boolean started;
    private double lastRecall;
    private double lastPrecision;
    private double area;

    /** A sweep from the top score down; positives is the positive weight of all rows. */
    public Sweep(double positives) {
      this.positives = positives;
    }

    /**
     * A sweep whose groups all score below groups already swept (of other partitions), which
     * hold positivesAbove and negativesAbove of weight.
     */
    public static Sweep below(double positives, double positivesAbove, double negativesAbove) {
      Sweep s = new Sweep(positives);
      s.truePositives = positivesAbove;
      s.falsePositives = negativesAbove;
      s.lastRecall = s.recall();
      s.lastPrecision = s.precision();
      s.started = true;
      return s;
    }

    /** The next group of equal scores, lower than every group added before. */
    public void add(double groupPositives, double groupNegatives) {
      truePositives += groupPositives;
      falsePositives += groupNegatives;
      double r = recall();
      double p = precision();
      if (!started) {  // the curve starts at (0, the first threshold's precision)
        lastRecall = 0;
        lastPrecision = p;
        started = true;
      }
      area += (r - lastRecall) * (p + lastPrecision) / 2.0;
      lastRecall = r;
      lastPrecision = p;
    }

    /** The area of the trapezoids added. */
    public double area() {
      return area;
    }

    private double recall() {
      return positives == 0 ? 0 : truePositives / positives;
    }

    private double precision() {
      double predicted = truePositives + falsePositives;
      return predicted == 0 ? 1 : truePositives / predicted;
    }
  }
}
