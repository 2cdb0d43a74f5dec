package io.sparkmlp.nn;

/**
 * Training rows and the part of them one pass reads: features x (n, inputDim), targets y
 * (n, targetCols: 1 for class indices, else outputDim), per-row weights w (n; null when the
 * rows are unweighted), an order to visit them in (a permutation of 0..n-1; null for storage
 * order) and the positions [from, to) of that order to read. The arrays are shared, never
 * copied; widths come from the network that reads them.
 *
 * <p>{@link Network} reads contiguous rows (order null): rows from .. to of the arrays. A
 * holder of shuffled rows gathers its slice into such a block first.
 */
public record Rows(float[] x, float[] y, float[] w, int[] order, int from, int to) {

  /** All n rows of (x, y, w) in storage order. */
  public static Rows of(float[] x, float[] y, float[] w, int n) {
    return new Rows(x, y, w, null, 0, n);
  }

  /** The number of rows read: to - from. */
  public int count() {
    return to - from;
  }

  /** Positions [from + start, from + end) of the same rows in the same order. */
  public Rows range(int start, int end) {
    return new Rows(x, y, w, order, from + start, from + end);
  }

  /** The same rows visited in another order (null: storage order). */
  public Rows inOrder(int[] newOrder) {
    return new Rows(x, y, w, newOrder, from, to);
  }
}
