package io.sparkmlp.spark.source;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.spark.Block;
import java.util.Arrays;

/**
 * Collects one input partition's rows, of known widths, into growing row-major x (rows, xCols)
 * and y (rows, yCols) arrays, and per-row weights w when weighted, then trims them into a
 * {@link Block}. Callers write each row in place ({@link #addRow} returns its index), so a row
 * is copied once, never boxed.
 */
final class BlockBuilder {
  private static final int FIRST_ROWS = 64;

  private final int partition;
  private final int xCols;
  private final int yCols;
  private final int maxRows;
  private float[] x;
  private float[] y;
  /** Null for unweighted data. */
  private float[] w;
  private int rows;

  BlockBuilder(int partition, int xCols, int yCols) {
    this(partition, xCols, yCols, false);
  }

  /** A builder that also collects one weight per row when {@code weighted}. */
  BlockBuilder(int partition, int xCols, int yCols, boolean weighted) {
    this.partition = partition;
    this.xCols = xCols;
    this.yCols = yCols;
    this.maxRows = Matrix.MAX_VALUES / Math.max(xCols, yCols);
    this.x = new float[Math.min(FIRST_ROWS, maxRows) * xCols];
    this.y = new float[Math.min(FIRST_ROWS, maxRows) * yCols];
    this.w = weighted ? new float[Math.min(FIRST_ROWS, maxRows)] : null;
  }

  /** Makes room for one more row and returns its index: its values go at index·xCols, ... */
  int addRow() {
    if ((long) (rows + 1) * xCols > x.length || (long) (rows + 1) * yCols > y.length) {
      if (rows >= maxRows) {
        throw new IllegalArgumentException(String.format("input partition %s has more than %s "
            + "rows of %s + %s values, more than one block can hold; split the input into more "
            + "partitions", partition, maxRows, xCols, yCols));
      }
      int capacity = (int) Math.min(maxRows, Math.max(FIRST_ROWS, rows * 2L));
      x = Arrays.copyOf(x, capacity * xCols);
      y = Arrays.copyOf(y, capacity * yCols);
      w = w == null ? null : Arrays.copyOf(w, capacity);
    }
    return rows++;
  }

  /** The features array being filled; valid until the next {@link #addRow}. */
  float[] x() {
    return x;
  }

  /** The targets array being filled; valid until the next {@link #addRow}. */
  float[] y() {
    return y;
  }

  /** The weights array being filled (null when unweighted); valid until the next addRow. */
  float[] w() {
    return w;
  }

  int rows() {
    return rows;
  }

  /** The rows so far as a block of the given partition index. */
  Block build() {
    return new Block(partition, trim(x, rows * xCols), trim(y, rows * yCols),
        w == null ? null : trim(w, rows), rows, xCols, yCols);
  }

  private static float[] trim(float[] a, int length) {
    return a.length == length ? a : Arrays.copyOf(a, length);
  }
}
