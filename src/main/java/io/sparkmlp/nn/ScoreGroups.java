package io.sparkmlp.nn;

import io.sparkmlp.util.Checks;
import java.util.Arrays;

/**
 * Rows of one machine grouped by distinct score, ascending: each group's score and the weights
 * of its positive and negative rows. -0 and 0 are one score; NaN sorts last, as
 * {@link Double#compare} has it.
 */
final class ScoreGroups {
  final double[] scores;
  final double[] positives;
  final double[] negatives;

  private ScoreGroups(double[] scores, double[] positives, double[] negatives) {
    this.scores = scores;
    this.positives = positives;
    this.negatives = negatives;
  }

  /** The groups of rows with these scores, classes and weights (finite, >= 0). */
  static ScoreGroups of(double[] scores, boolean[] positive, double[] weights) {
    Checks.argument(scores.length == positive.length && scores.length == weights.length,
        "%s scores, %s labels and %s weights", scores.length, positive.length, weights.length);
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      Checks.argument(weights[i] >= 0 && weights[i] < Double.POSITIVE_INFINITY,
          "a row's weight must be finite and >= 0, got %s", weights[i]);
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a] + 0.0, scores[b] + 0.0));
    double[] s = new double[scores.length];
    double[] pos = new double[scores.length];
    double[] neg = new double[scores.length];
    int groups = 0;
    for (int i = 0; i < order.length; i++) {
      double score = scores[order[i]] + 0.0;  // + 0.0 folds -0 into 0: equal scores, one group
      if (groups == 0 || Double.compare(s[groups - 1], score) != 0) {
        s[groups++] = score;
      }
      if (positive[order[i]]) {
        pos[groups - 1] += weights[order[i]];
      } else {
        neg[groups - 1] += weights[order[i]];
      }
    }
    return new ScoreGroups(Arrays.copyOf(s, groups), Arrays.copyOf(pos, groups),
        Arrays.copyOf(neg, groups));
  }

  int size() {
    return scores.length;
  }
}
