package io.sparkmlp.nn;

/**
 * The exact area under the ROC curve of a binary classifier's scores, as the Mann-Whitney
 * statistic: the probability that a random positive scores above a random negative, a tie
 * counting one half, each row weighing its sample weight (1 when rows are counted). That equals
 * the trapezoidal area under the ROC curve drawn through every distinct score (MLlib's
 * {@code BinaryClassificationMetrics} without binning). No histogram: the scores are sorted and
 * grouped by distinct value.
 *
 * <p>The {@link Sweep} takes the groups (score, positives, negatives) in ascending score order,
 * one at a time, so the groups can come from a distributed sort: each sorted partition sweeps
 * its own groups starting from the negatives of the partitions before it.
 */
public final class RocAuc {
  private RocAuc() {}

  /** The AUC of scores whose rows are positive where positive is true; NaN without both kinds. */
  public static double of(float[] scores, boolean[] positive) {
    double[] s = new double[scores.length];
    double[] w = new double[scores.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = scores[i];
      w[i] = 1;
    }
    return of(s, positive, w);
  }

  /** The AUC of weighted rows; NaN without weight in both classes. */
  public static double of(double[] scores, boolean[] positive, double[] weights) {
    ScoreGroups g = ScoreGroups.of(scores, positive, weights);
    Sweep sweep = new Sweep(0);
    for (int i = 0; i < g.size(); i++) {
      sweep.add(g.positives[i], g.negatives[i]);
    }
    return auc(sweep.pairs(), sweep.positives(), sweep.negatives());
  }

  /** AUC from the summed ordered-pair weight of the sweeps and the class totals. */
  public static double auc(double pairs, double positives, double negatives) {
    return positives == 0 || negatives == 0 ? Double.NaN : pairs / (positives * negatives);
  }

  /**
   * The area under the ROC curve as MLlib draws it, from (0, 0) through every threshold to
   * (1, 1): {@link #auc} with both classes; with one class the curve runs along an edge, so its
   * area is 0 without positives, 1 without negatives and 1/2 without either.
   */
  public static double curveArea(double pairs, double positives, double negatives) {
    if (positives == 0 || negatives == 0) {
      return positives == 0 && negatives == 0 ? 0.5 : positives == 0 ? 0 : 1;
    }
    return auc(pairs, positives, negatives);
  }

  /**
   * Walks score groups in ascending order, summing for every positive the negatives scored
   * below it plus half of those scored the same: the Mann-Whitney U of the positives.
   */
  public static final class Sweep {
    private double negativesBelow;
    private double positives;
    private double negatives;
    private double pairs;

    /** A sweep whose groups all score above negativesBefore negatives of earlier partitions. */
    public Sweep(double negativesBefore) {
      this.negativesBelow = negativesBefore;
    }

    /** The next group of equal scores, higher than every group added before. */
    public void add(double groupPositives, double groupNegatives) {
      pairs += groupPositives * (negativesBelow + groupNegatives / 2.0);
      negativesBelow += groupNegatives;
      positives += groupPositives;
      negatives += groupNegatives;
    }

    /** The U statistic of the groups added (ties counted 1/2). */
    public double pairs() {
      return pairs;
    }

    public double positives() {
      return positives;
    }

    public double negatives() {
      return negatives;
    }
  }
}
