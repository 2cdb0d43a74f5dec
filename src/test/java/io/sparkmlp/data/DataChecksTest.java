package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class DataChecksTest {

  @Test
  void finiteDataPassesThrough() {
    Matrix m = Matrix.of(new float[] {1, Float.MAX_VALUE}, new float[] {-0f, Float.MIN_VALUE});
    assertSame(m, DataChecks.requireFinite(m, "x"));
  }

  @Test
  void firstNonFiniteValueIsNamedByRowAndColumn() {
    float[] v = new float[40001 * 5];
    v[40000 * 5 + 3] = Float.NaN;
    v[40000 * 5 + 4] = Float.POSITIVE_INFINITY;
    assertFails(() -> DataChecks.requireFinite(new Matrix(v, 40001, 5), "x_train.npy"),
        "x_train.npy: row 40000, column 3 is NaN; every value must be finite");
    assertFails(() -> DataChecks.requireFinite(Matrix.of(new float[] {0, Float.NEGATIVE_INFINITY}),
        "y"), "y: row 0, column 1 is -Infinity");
  }

  @Test
  void rowAndColumnCounts() {
    assertFails(() -> DataChecks.requireSameRows(Matrix.zeros(1000, 2), Matrix.zeros(999, 1)),
        "x has 1000 rows but y has 999");
    assertFails(() -> DataChecks.requireSameRows(Matrix.zeros(3, 2), Matrix.zeros(2, 1),
        "x_train.npy", "y_train.npy"), "x_train.npy has 3 rows but y_train.npy has 2");
    DataChecks.requireSameRows(Matrix.zeros(3, 2), Matrix.zeros(3, 1));
    assertFails(() -> DataChecks.requireCols(Matrix.zeros(3, 2), 1, "labels.npy"),
        "labels.npy has 2 columns, expected 1");
    DataChecks.requireCols(Matrix.zeros(3, 2), 2, "x");
  }
}
