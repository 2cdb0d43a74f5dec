package io.sparkmlp.data;

import io.sparkmlp.util.Checks;

/**
 * Checks on loaded data that the readers leave to the caller, with messages that point at the
 * offending value: the readers pass NaN through because some files hold it on purpose, but
 * training on it poisons every weight.
 */
public final class DataChecks {
  private DataChecks() {}

  /**
   * Returns m if every value is finite; otherwise throws an IllegalArgumentException naming
   * the first bad value by row and column (0-based), e.g.
   * {@code x_train.npy: row 40000, column 3 is NaN; every value must be finite}.
   *
   * @param name what m is to the user, usually its file name
   */
  public static Matrix requireFinite(Matrix m, String name) {
    return requireFinite(m, name, 0);
  }

  /**
   * As {@link #requireFinite(Matrix, String)} for a block that starts at row
   * {@code rowOffset} of a larger data set: the error names the row in the whole data set.
   */
  public static Matrix requireFinite(Matrix m, String name, long rowOffset) {
    float[] v = m.values();
    for (int i = 0; i < v.length; i++) {
      // A float is finite exactly when its exponent bits are not all ones.
      if ((Float.floatToRawIntBits(v[i]) & 0x7f800000) == 0x7f800000) {
        throw new IllegalArgumentException(String.format(
            "%s: row %s, column %s is %s; every value must be finite", name,
            rowOffset + i / m.cols(),
            i % m.cols(), v[i]));
      }
    }
    return m;
  }

  /**
   * Checks that features and labels have one row per example, e.g.
   * {@code x_train.npy has 1000 rows but y_train.npy has 999}.
   */
  public static void requireSameRows(Matrix x, Matrix y, String xName, String yName) {
    Checks.argument(x.rows() == y.rows(), "%s has %s rows but %s has %s", xName, x.rows(),
        yName, y.rows());
  }

  /** {@link #requireSameRows(Matrix, Matrix, String, String)} with the names "x" and "y". */
  public static void requireSameRows(Matrix x, Matrix y) {
    requireSameRows(x, y, "x", "y");
  }

  /**
   * Checks that m has the given number of columns, e.g.
   * {@code labels.npy has 3 columns, expected 1}.
   */
  public static void requireCols(Matrix m, int cols, String name) {
    Checks.argument(m.cols() == cols, "%s has %s columns, expected %s", name, m.cols(), cols);
  }
}
