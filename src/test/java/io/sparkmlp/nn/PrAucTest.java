package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The precision-recall area against curves drawn by hand, with ties and weights. */
class PrAucTest {
  private static double[] ones(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  @Test
  void tiesAreOnePointOfTheCurve() {
    // Descending thresholds over 3 positives: 0.9 (tp 1, fp 0), 0.8 (2, 1), 0.5 (3, 3),
    // 0.2 (3, 4). Points (0, 1), (1/3, 1), (2/3, 2/3), (1, 1/2), (1, 3/7): trapezoids
    // 1/3 + 5/18 + 7/36 + 0 = 29/36.
    double[] s = {0.5, 0.9, 0.2, 0.8, 0.5, 0.8, 0.5};
    boolean[] pos = {true, true, false, false, false, true, false};
    assertEquals(29.0 / 36, PrAuc.of(s, pos, ones(7)), 1e-15);
  }

  @Test
  void theCurveStartsAtTheFirstThresholdsPrecision() {
    // 0.9 holds a positive and a negative: the first point is (1/2, 1/2) and the curve starts
    // at (0, 1/2), not (0, 1). Then 0.4 (1, 2/3), 0.1 (1, 1/2): 1/4 + 7/24 = 13/24.
    double[] s = {0.9, 0.9, 0.4, 0.1};
    boolean[] pos = {true, false, true, false};
    assertEquals(13.0 / 24, PrAuc.of(s, pos, ones(4)), 1e-15);
  }

  @Test
  void weightsCountEachRowThatManyTimes() {
    // Weights 2, 1, 1, 3 on the rows above: P = 3. 0.9 (tp 2, fp 1): from (0, 2/3) to
    // (2/3, 2/3); 0.4 (3, 1): to (1, 3/4); 0.1 (3, 4): to (1, 3/7). 4/9 + 17/72 = 49/72.
    double[] s = {0.9, 0.9, 0.4, 0.1};
    boolean[] pos = {true, false, true, false};
    assertEquals(49.0 / 72, PrAuc.of(s, pos, new double[] {2, 1, 1, 3}), 1e-15);
    double[] repeated = {0.9, 0.9, 0.9, 0.4, 0.1, 0.1, 0.1};
    boolean[] repeatedPos = {true, true, false, true, false, false, false};
    assertEquals(49.0 / 72, PrAuc.of(repeated, repeatedPos, ones(7)), 1e-15);
  }

  @Test
  void oneClassAndNoRows() {
    // Only positives: precision 1 all along. No positives: recall stays 0. No rows: no curve.
    assertEquals(1, PrAuc.of(new double[] {0.3, 0.7}, new boolean[] {true, true}, ones(2)),
        1e-15);
    assertEquals(0, PrAuc.of(new double[] {0.3, 0.7}, new boolean[] {false, false}, ones(2)));
    assertTrue(Double.isNaN(PrAuc.of(new double[0], new boolean[0], new double[0])));
  }

  @Test
  void sweepsOfSortedPartsAddUp() {
    Random rnd = new Random(7);
    int groups = 50;
    double[][] g = new double[groups][2];   // descending scores: {positive, negative} weights
    double positives = 0;
    for (double[] x : g) {
      x[0] = rnd.nextInt(3) * 0.5;
      x[1] = rnd.nextInt(3);
      positives += x[0];
    }
    g[0][0] = 0;   // a top group without weight: precision 1 at the first threshold
    g[0][1] = 0;
    PrAuc.Sweep whole = new PrAuc.Sweep(positives);
    for (double[] x : g) {
      whole.add(x[0], x[1]);
    }
    int cut = 20;
    PrAuc.Sweep top = new PrAuc.Sweep(positives);
    double tp = 0;
    double fp = 0;
    for (int i = 0; i < cut; i++) {
      top.add(g[i][0], g[i][1]);
      tp += g[i][0];
      fp += g[i][1];
    }
    PrAuc.Sweep bottom = PrAuc.Sweep.below(positives, tp, fp);
    for (int i = cut; i < groups; i++) {
      bottom.add(g[i][0], g[i][1]);
    }
    assertEquals(whole.area(), top.area() + bottom.area(), 1e-14);
  }
}
