package io.sparkmlp.spark;

import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.util.Checks;
import java.io.Serializable;

/**
 * One partition's training rows as dense row-major float arrays: features x (rows, xCols)
 * and targets y (rows, yCols), where yCols is 1 for class indices or scalar targets, optional
 * per-row weights w (rows; null when the data is unweighted), and the index of the partition
 * it belongs to (which seeds its shuffles). Built once per partition from the input and
 * persisted, so steps never re-parse rows. A training RDD holds exactly one Block per
 * partition.
 */
public final class Block implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] x;
  private final float[] y;
  private final float[] w;
  private final int rows;
  private final int xCols;
  private final int yCols;
  private final int partition;

  /** An unweighted block. */
  public Block(int partition, float[] x, float[] y, int rows, int xCols, int yCols) {
    this(partition, x, y, null, rows, xCols, yCols);
  }

  /** A block with one weight per row in w, or unweighted when w is null. */
  public Block(int partition, float[] x, float[] y, float[] w, int rows, int xCols, int yCols) {
    Checks.argument(rows >= 0 && xCols >= 1 && yCols >= 1,
        "block shape must be rows >= 0, xCols >= 1, yCols >= 1, got (%s, %s, %s)", rows, xCols,
        yCols);
    Checks.argument(x.length == (long) rows * xCols, "block x has %s values, expected %s*%s",
        x.length, rows, xCols);
    Checks.argument(y.length == (long) rows * yCols, "block y has %s values, expected %s*%s",
        y.length, rows, yCols);
    Checks.argument(w == null || w.length == rows, "block w has %s values, expected %s",
        w == null ? 0 : w.length, rows);
    this.x = x;
    this.y = y;
    this.w = w;
    this.rows = rows;
    this.xCols = xCols;
    this.yCols = yCols;
    this.partition = partition;
  }

  /** An empty block (a partition with no rows). */
  public static Block empty(int partition, int xCols, int yCols) {
    return new Block(partition, new float[0], new float[0], 0, xCols, yCols);
  }

  /** The index of the RDD partition this block is. */
  public int partition() {
    return partition;
  }

  public float[] x() {
    return x;
  }

  public float[] y() {
    return y;
  }

  /** One weight per row, or null when the data is unweighted. */
  public float[] w() {
    return w;
  }

  /** Σ w over the rows in double (the row count when unweighted): a weighted mean's divisor. */
  public double weightSum() {
    return SampleWeights.sum(w, 0, rows);
  }

  public int rows() {
    return rows;
  }

  public int xCols() {
    return xCols;
  }

  public int yCols() {
    return yCols;
  }
}
