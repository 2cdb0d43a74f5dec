package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.nn.ConfusionMatrix.Measure;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall, F-measures and false positive rates of small confusion matrices, counted
 * and weighted, worked out by hand.
 */
class ConfusionMatrixTest {
  // rows: true class, columns: predicted. Class 2 is never predicted; class 3 never occurs.
  private static final ConfusionMatrix M = ConfusionMatrix.of(new long[][] {
      {5, 1, 0, 0},
      {2, 3, 0, 0},
      {1, 1, 0, 0},
      {0, 0, 0, 0}});

  @Test
  void perClassValuesMatchHandComputedOnes() {
    assertEquals(13, M.total());
    assertEquals(8.0 / 13, M.accuracy(), 1e-15);
    assertEquals(5.0 / 8, M.precision(0), 1e-15);   // predicted 0: 5 + 2 + 1
    assertEquals(5.0 / 6, M.recall(0), 1e-15);      // true 0: 5 + 1
    assertEquals(2 * (5.0 / 8) * (5.0 / 6) / (5.0 / 8 + 5.0 / 6), M.f1(0), 1e-15);
    assertEquals(3.0 / 5, M.precision(1), 1e-15);
    assertEquals(3.0 / 5, M.recall(1), 1e-15);
    assertEquals(0, M.precision(2));                // never predicted: 0, not NaN
    assertEquals(0, M.recall(2));
    assertEquals(0, M.f1(2));
    assertEquals(2, M.support(2));
    assertEquals(0, M.support(3));
  }

  @Test
  void averagesCoverTheClassesThatOccur() {
    // Class 3 is neither a label nor a prediction: the macro average is over classes 0-2.
    assertEquals((5.0 / 8 + 3.0 / 5 + 0) / 3, M.macro(Measure.PRECISION), 1e-15);
    assertEquals((5.0 / 6 + 3.0 / 5 + 0) / 3, M.macro(Measure.RECALL), 1e-15);
    // Weighted by support 6, 5, 2: weighted recall is the accuracy.
    assertEquals(M.accuracy(), M.weighted(Measure.RECALL), 1e-15);
    assertEquals((6 * 5.0 / 8 + 5 * 3.0 / 5) / 13, M.weighted(Measure.PRECISION), 1e-15);
  }

  @Test
  void mergeAddsCounts() {
    ConfusionMatrix a = new ConfusionMatrix(2);
    a.add(0, 0);
    a.add(1, 0);
    ConfusionMatrix b = new ConfusionMatrix(2);
    b.add(1, 1);
    a.merge(b);
    assertEquals(1, a.count(0, 0));
    assertEquals(1, a.count(1, 0));
    assertEquals(1, a.count(1, 1));
    assertThrows(IllegalArgumentException.class, () -> a.merge(new ConfusionMatrix(3)));
    assertThrows(IllegalArgumentException.class, () -> a.add(2, 0));
  }

  /**
   * Rows (true, predicted, weight): (0,0,2) (0,1,1) (1,1,3) (1,0,0.5) (2,2,1) (2,0,1.5) (0,0,1).
   * Matrix {{3, 1, 0}, {0.5, 3, 0}, {1.5, 0, 1}}; support 4, 3.5, 2.5 of 10; predicted as
   * 5, 4, 1.
   */
  private static ConfusionMatrix weighted() {
    ConfusionMatrix m = new ConfusionMatrix(3);
    double[][] rows = {{0, 0, 2}, {0, 1, 1}, {1, 1, 3}, {1, 0, 0.5}, {2, 2, 1}, {2, 0, 1.5},
        {0, 0, 1}};
    for (double[] r : rows) {
      m.add((int) r[0], (int) r[1], r[2]);
    }
    return m;
  }

  @Test
  void weightedRowsCountTheirWeight() {
    ConfusionMatrix m = weighted();
    assertArrayEquals(new double[] {3, 1, 0}, m.toArray()[0]);
    assertArrayEquals(new double[] {0.5, 3, 0}, m.toArray()[1]);
    assertArrayEquals(new double[] {1.5, 0, 1}, m.toArray()[2]);
    assertEquals(10, m.total());
    assertEquals(3.5, m.support(1));
    assertEquals(5, m.predictedAs(0));
    assertEquals(0.7, m.accuracy(), 1e-15);
    assertEquals(3.0 / 5, m.precision(0), 1e-15);
    assertEquals(3.0 / 4, m.precision(1), 1e-15);
    assertEquals(1.0, m.precision(2), 1e-15);
    assertEquals(3.0 / 4, m.recall(0), 1e-15);
    assertEquals(6.0 / 7, m.recall(1), 1e-15);   // 3 of 3.5
    assertEquals(2.0 / 5, m.recall(2), 1e-15);   // 1 of 2.5
    assertEquals((4 * 3.0 / 4 + 3.5 * 6.0 / 7 + 2.5 * 2.0 / 5) / 10, m.weighted(Measure.RECALL),
        1e-15);
    assertEquals(m.accuracy(), m.weighted(Measure.RECALL), 1e-15);
  }

  @Test
  void falsePositiveRateIsTheShareOfNegativesPredictedAsTheClass() {
    ConfusionMatrix m = weighted();
    // Class 0: predicted for 0.5 + 1.5 of the 10 - 4 = 6 other; class 1: 1 of 6.5; class 2: 0.
    assertEquals(2.0 / 6, m.falsePositiveRate(0), 1e-15);
    assertEquals(1.0 / 6.5, m.falsePositiveRate(1), 1e-15);
    assertEquals(0, m.falsePositiveRate(2));
    assertEquals((4 * (2.0 / 6) + 3.5 * (1.0 / 6.5)) / 10, m.weightedFalsePositiveRate(), 1e-15);
    // One class in the labels: it has no negatives, 0/0 as MLlib has it.
    ConfusionMatrix one = ConfusionMatrix.of(new long[][] {{2, 1}, {0, 0}});
    assertTrue(Double.isNaN(one.falsePositiveRate(0)));
    assertEquals(1.0 / 3, one.falsePositiveRate(1), 1e-15);
    assertTrue(Double.isNaN(one.weightedFalsePositiveRate()));
  }

  @Test
  void fMeasureWeighsRecallBetaTimesAsMuchAsPrecision() {
    ConfusionMatrix m = weighted();
    // beta 2: 5pr / (4p + r). Class 0: p 3/5, r 3/4 -> 5/7; class 1: p 3/4, r 6/7 -> 5/6;
    // class 2: p 1, r 2/5 -> 5/11.
    assertEquals(5.0 / 7, m.fMeasure(0, 2), 1e-15);
    assertEquals(5.0 / 6, m.fMeasure(1, 2), 1e-15);
    assertEquals(5.0 / 11, m.fMeasure(2, 2), 1e-15);
    assertEquals((4 * 5.0 / 7 + 3.5 * 5.0 / 6 + 2.5 * 5.0 / 11) / 10, m.weightedFMeasure(2),
        1e-15);
    for (int c = 0; c < 3; c++) {
      assertEquals(m.f1(c), m.fMeasure(c, 1), 0);
    }
    assertEquals(m.weighted(Measure.F1), m.weightedFMeasure(1), 0);
    assertEquals(0, M.fMeasure(2, 0.5));   // precision and recall both 0
  }

  @Test
  void labelsAreTheClassesWithWeightInTheLabels() {
    ConfusionMatrix m = new ConfusionMatrix(4);
    m.add(0, 1, 1);
    m.add(2, 3, 0.5);
    m.add(3, 3, 0);        // weighs nothing: class 3 is only predicted
    assertArrayEquals(new int[] {0, 2}, m.labels());
    assertArrayEquals(new int[] {0, 1, 2}, M.labels());
    assertThrows(IllegalArgumentException.class, () -> m.add(0, 0, -1));
    assertThrows(IllegalArgumentException.class, () -> m.add(0, 0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> m.add(0, 4, 1));
  }
}
