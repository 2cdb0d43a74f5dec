package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.Random;
import org.junit.jupiter.api.Test;

/** ROC AUC against hand-computed values and the O(n²) pair count it stands for. */
class RocAucTest {
  @Test
  void handComputedExamples() {
    // scikit-learn's roc_auc_score example: 0.75.
    assertEquals(0.75, RocAuc.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f},
        new boolean[] {false, false, true, true}), 1e-15);
    // A tie between a positive and a negative counts one half.
    assertEquals(0.5, RocAuc.of(new float[] {0.5f, 0.5f}, new boolean[] {true, false}), 0);
    // pos {0.3, 0.6}, neg {0.3, 0.1, 0.6}: 0.3 beats 0.1 and ties 0.3 -> 1.5;
    // 0.6 beats 0.3 and 0.1 and ties 0.6 -> 2.5; (1.5 + 2.5) / 6.
    assertEquals(4.0 / 6, RocAuc.of(new float[] {0.3f, 0.6f, 0.3f, 0.1f, 0.6f},
        new boolean[] {true, true, false, false, false}), 1e-15);
    assertEquals(1.0, RocAuc.of(new float[] {0.2f, 0.9f}, new boolean[] {false, true}), 0);
    assertTrue(Double.isNaN(RocAuc.of(new float[] {0.2f, 0.9f}, new boolean[] {true, true})));
  }

  @Test
  void equalsThePairCountOnTiedRandomScores() {
    Random rnd = new Random(5);
    int n = 600;
    float[] s = new float[n];
    boolean[] pos = new boolean[n];
    for (int i = 0; i < n; i++) {
      s[i] = rnd.nextInt(40) / 40f;  // many ties
      pos[i] = rnd.nextDouble() < s[i] * 0.8 + 0.1;
    }
    double pairs = 0;
    long p = 0;
    long q = 0;
    for (int i = 0; i < n; i++) {
      if (pos[i]) {
        p++;
        for (int j = 0; j < n; j++) {
          if (!pos[j]) {
            pairs += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
          }
        }
      } else {
        q++;
      }
    }
    assertEquals(pairs / (p * q), RocAuc.of(s, pos), 1e-12);
  }

  @Test
  void sweepsOfSortedPartsAddUp() {
    // Groups (pos, neg) in score order, split into two "partitions" after the second group.
    RocAuc.Sweep whole = new RocAuc.Sweep(0);
    long[][] groups = {{0, 2}, {1, 1}, {2, 0}, {1, 3}};
    for (long[] g : groups) {
      whole.add(g[0], g[1]);
    }
    RocAuc.Sweep low = new RocAuc.Sweep(0);
    low.add(0, 2);
    low.add(1, 1);
    RocAuc.Sweep high = new RocAuc.Sweep(0);
    high.add(2, 0);
    high.add(1, 3);
    double pairs = low.pairs() + high.pairs() + high.positives() * low.negatives();
    assertEquals(whole.pairs(), pairs, 0);
  }

  @Test
  void weightsCountEachRowThatManyTimes() {
    // Positives 0.9 (weight 2), 0.4 (1); negatives 0.9 (1), 0.1 (3): P = 3, N = 4. The 0.9
    // positive beats 3 and ties 1 (2 * 3.5), the 0.4 positive beats 3: 10 of 12.
    double[] s = {0.9, 0.9, 0.4, 0.1};
    boolean[] pos = {true, false, true, false};
    assertEquals(10.0 / 12, RocAuc.of(s, pos, new double[] {2, 1, 1, 3}), 1e-15);
    double[] repeated = {0.9, 0.9, 0.9, 0.4, 0.1, 0.1, 0.1};
    boolean[] repeatedPos = {true, true, false, true, false, false, false};
    assertEquals(RocAuc.of(repeated, repeatedPos, new double[] {1, 1, 1, 1, 1, 1, 1}),
        RocAuc.of(s, pos, new double[] {2, 1, 1, 3}), 1e-15);
  }

  @Test
  void curveAreaIsFlatWithOneClass() {
    assertEquals(0.75, RocAuc.curveArea(3, 2, 2), 0);
    assertEquals(0, RocAuc.curveArea(0, 0, 5), 0);   // no positives: the curve's floor
    assertEquals(1, RocAuc.curveArea(0, 5, 0), 0);   // no negatives: its ceiling
    assertEquals(0.5, RocAuc.curveArea(0, 0, 0), 0); // nothing: the diagonal
  }
}
