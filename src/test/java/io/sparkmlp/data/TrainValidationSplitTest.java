package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TrainValidationSplitTest {
  /** Row r of x is (r, 10r); row r of y is (r): rows can be traced through a split. */
  static Matrix x(int n) {
    float[] v = new float[2 * n];
    for (int r = 0; r < n; r++) {
      v[2 * r] = r;
      v[2 * r + 1] = 10 * r;
    }
    return new Matrix(v, n, 2);
  }

  static Matrix y(int n) {
    float[] v = new float[n];
    for (int r = 0; r < n; r++) {
      v[r] = r;
    }
    return new Matrix(v, n, 1);
  }

  @Test
  void tailTakesTheLastRowsLikeKeras() {
    TrainValidationSplit s = TrainValidationSplit.splitTail(x(10), y(10), 0.2);
    assertEquals(8, s.trainSize());
    assertEquals(2, s.validationSize());
    assertArrayEquals(new float[] {8, 9}, s.yVal().values());
    assertArrayEquals(new float[] {8, 80, 9, 90}, s.xVal().values());
    assertArrayEquals(y(8).values(), s.yTrain().values());
    assertArrayEquals(x(8).values(), s.xTrain().values());
  }

  @Test
  void kerasRowCountFloorsTheTrainingPart() {
    // Keras: split_at = floor(n * (1 - validation_split)).
    assertEquals(70, TrainValidationSplit.trainRows(x(100), y(100), 0.3));
    assertEquals(6, TrainValidationSplit.trainRows(x(7), y(7), 0.1));   // floor(6.3)
    assertEquals(2, TrainValidationSplit.trainRows(x(3), y(3), 0.25));  // floor(2.25)
  }

  @Test
  void shuffledSplitKeepsRowsAlignedAndCoversEveryRow() {
    TrainValidationSplit s = TrainValidationSplit.split(x(50), y(50), 0.2, 42);
    assertEquals(40, s.trainSize());
    assertEquals(10, s.validationSize());
    float[] all = new float[50];
    for (int i = 0; i < 40; i++) {
      assertEquals(s.yTrain().get(i, 0), s.xTrain().get(i, 0));
      assertEquals(10 * s.yTrain().get(i, 0), s.xTrain().get(i, 1));
      all[i] = s.yTrain().get(i, 0);
    }
    for (int i = 0; i < 10; i++) {
      assertEquals(s.yVal().get(i, 0), s.xVal().get(i, 0));
      all[40 + i] = s.yVal().get(i, 0);
    }
    Arrays.sort(all);
    assertArrayEquals(y(50).values(), all);
    assertFalse(Arrays.equals(y(40).values(), s.yTrain().values()), "rows were not shuffled");
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    TrainValidationSplit a = TrainValidationSplit.split(x(30), y(30), 0.3, 7);
    TrainValidationSplit b = TrainValidationSplit.split(x(30), y(30), 0.3, 7);
    TrainValidationSplit c = TrainValidationSplit.split(x(30), y(30), 0.3, 8);
    assertArrayEquals(a.yVal().values(), b.yVal().values());
    assertFalse(Arrays.equals(a.yVal().values(), c.yVal().values()));
  }

  @Test
  void zeroFractionLeavesAnEmptyValidationSet() {
    TrainValidationSplit s = TrainValidationSplit.splitTail(x(5), y(5), 0);
    assertEquals(5, s.trainSize());
    assertEquals(0, s.validationSize());
    assertEquals(2, s.xVal().cols());
  }

  @Test
  void errors() {
    assertFails(() -> TrainValidationSplit.split(x(10), y(9), 0.2, 1), "x has 10 rows but y has 9");
    assertFails(() -> TrainValidationSplit.splitTail(x(10), y(10), 1.0),
        "validationFraction must be in [0, 1), got 1.0");
    assertFails(() -> TrainValidationSplit.splitTail(x(1), y(1), 0.5), "1 rows cannot be split",
        "leaves 0 training and 1 validation rows");
    // 1 - 1e-17 rounds to 1 in double, so no row would be left for validation.
    assertFails(() -> TrainValidationSplit.splitTail(x(5), y(5), 1e-17),
        "leaves 5 training and 0 validation rows");
  }
}
