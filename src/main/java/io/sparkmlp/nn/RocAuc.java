package io.sparkmlp.nn;

import io.sparkmlp.util.Checks;
import java.util.Arrays;

/**
 * The exact area under the ROC curve of a binary classifier's scores, as the Mann-Whitney
 * statistic: the probability that a random positive scores above a random negative, a tie
 * counting one half. That equals the trapezoidal area under the ROC curve drawn through every
 * distinct score (MLlib's {@code BinaryClassificationMetrics} without binning). No
 * histogram: the scores are sorted and grouped by distinct value.
 *
 * <p>The {@link Sweep} takes the groups (score, positives, negatives) in ascending score order,
 * one at a time, so the groups can come from a distributed sort: each sorted partition sweeps
 * its own groups starting from the negatives of the partitions before it.
 */
public final class RocAuc {
  private RocAuc() {}

  /** The AUC of scores whose rows are positive where positive is true; NaN without both kinds. */
  public static double of(float[] scores, boolean[] positive) {
    Checks.argument(scores.length == positive.length, "%s scores but %s labels", scores.length,
        positive.length);
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[a], scores[b]));
    Sweep sweep = new Sweep(0);
    long pos = 0;
    long neg = 0;
    for (int i = 0; i < order.length; i++) {
      if (positive[order[i]]) {
        pos++;
      } else {
        neg++;
      }
      boolean groupEnds = i + 1 == order.length
          || Float.compare(scores[order[i + 1]], scores[order[i]]) != 0;
      if (groupEnds) {
        sweep.add(pos, neg);
        pos = 0;
        neg = 0;
      }
    }
    return auc(sweep.pairs(), sweep.positives(), sweep.negatives());
  }

  /** AUC from the summed ordered-pair count of the sweeps and the class totals. */
  public static double auc(double pairs, long positives, long negatives) {
    return positives == 0 || negatives == 0 ? Double.NaN
        : pairs / ((double) positives * negatives);
  }

  /**
   * Walks score groups in ascending order, summing for every positive the negatives scored
   * below it plus half of those scored the same: the Mann-Whitney U of the positives.
   */
  public static final class Sweep {
    private long negativesBelow;
    private long positives;
    private long negatives;
    private double pairs;

    /** A sweep whose groups all score above negativesBefore negatives of earlier partitions. */
    public Sweep(long negativesBefore) {
      this.negativesBelow = negativesBefore;
    }

    /** The next group of equal scores, higher than every group added before. */
    public void add(long groupPositives, long groupNegatives) {
      pairs += groupPositives * (negativesBelow + groupNegatives / 2.0);
      negativesBelow += groupNegatives;
      positives += groupPositives;
      negatives += groupNegatives;
    }

    /** The U statistic of the groups added (ties counted 1/2). */
    public double pairs() {
      return pairs;
    }

    public long positives() {
      return positives;
    }

    public long negatives() {
      return negatives;
    }
  }
}
