package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import io.sparkmlp.nn.ConfusionMatrix.Measure;
import org.junit.jupiter.api.Test;

/** Precision, recall and F1 of a small confusion matrix, worked out by hand. */
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
}
