package io.sparkmlp.data;

import io.sparkmlp.util.Checks;

/**
 * A dense row-major float32 matrix: {@code values[r * cols + c]}. Features are (rows, nFeatures);
 * labels are (rows, nClasses) one-hot or (rows, 1) class indices / targets.
 *
 * <p>The array is shared, not copied: a Matrix is a view that readers hand to the trainer
 * without doubling memory. Treat it as read-only once built.
 */
public final class Matrix {
  /** The most values one Matrix can hold: the JVM's limit on an array's length. */
  public static final int MAX_VALUES = Integer.MAX_VALUE - 8;

  private final float[] values;
  private final int rows;
  private final int cols;

  public Matrix(float[] values, int rows, int cols) {
    Checks.argument(rows >= 0 && cols >= 1, "matrix shape must be rows >= 0, cols >= 1, got (%s, %s)",
        rows, cols);
    Checks.argument(values.length == (long) rows * cols,
        "matrix has %s values, expected rows*cols = %s*%s", values.length, rows, cols);
    this.values = values;
    this.rows = rows;
    this.cols = cols;
  }

  /** A rows x cols matrix of zeros. */
  public static Matrix zeros(int rows, int cols) {
    return new Matrix(new float[Math.multiplyExact(rows, cols)], rows, cols);
  }

  /** A matrix from nested rows (tests, small examples); every row must have the same length. */
  public static Matrix of(float[]... data) {
    Checks.argument(data.length > 0, "Matrix.of needs at least one row");
    int cols = data[0].length;
    float[] v = new float[data.length * cols];
    for (int r = 0; r < data.length; r++) {
      Checks.argument(data[r].length == cols, "row %s has %s values, expected %s", r,
          data[r].length, cols);
      System.arraycopy(data[r], 0, v, r * cols, cols);
    }
    return new Matrix(v, data.length, cols);
  }

  public float[] values() {
    return values;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public float get(int r, int c) {
    return values[r * cols + c];
  }

  /** The rows at the given indices, in that order, as a new matrix. */
  public Matrix selectRows(int[] indices, int from, int to) {
    float[] out = new float[(to - from) * cols];
    for (int i = from; i < to; i++) {
      System.arraycopy(values, indices[i] * cols, out, (i - from) * cols, cols);
    }
    return new Matrix(out, to - from, cols);
  }

  /** Rows [from, to) as a new matrix. */
  public Matrix slice(int from, int to) {
    Checks.argument(0 <= from && from <= to && to <= rows, "row range [%s, %s) outside 0..%s",
        from, to, rows);
    float[] out = new float[(to - from) * cols];
    System.arraycopy(values, from * cols, out, 0, out.length);
    return new Matrix(out, to - from, cols);
  }

  @Override
  public String toString() {
    return "Matrix(" + rows + " x " + cols + ")";
  }
}
