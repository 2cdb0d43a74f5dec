package io.sparkmlp.data;

import io.sparkmlp.util.Checks;

/**
 * Conversions between class indices, an (n, 1) matrix of integers 0..numClasses-1, and one-hot
 * rows, an (n, numClasses) matrix with a single 1 per row.
 */
public final class OneHot {
  private OneHot() {}

  /**
   * One-hot encodes labels (n, 1) into (n, numClasses). Every label must be an integer in
   * [0, numClasses); the error names the first row that is not.
   */
  public static Matrix encode(Matrix labels, int numClasses) {
    Checks.positive(numClasses, "numClasses");
    requireIndexColumn(labels);
    float[] out = new float[Math.multiplyExact(labels.rows(), numClasses)];
    for (int r = 0; r < labels.rows(); r++) {
      out[r * numClasses + classIndex(labels, r, numClasses)] = 1f;
    }
    return new Matrix(out, labels.rows(), numClasses);
  }

  /**
   * The class index of each row of a one-hot (or probability, or score) matrix (n, k): the
   * column of the row's largest value, the first one on ties, as (n, 1).
   */
  public static Matrix decode(Matrix oneHot) {
    int k = oneHot.cols();
    float[] v = oneHot.values();
    float[] out = new float[oneHot.rows()];
    for (int r = 0; r < out.length; r++) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (v[r * k + c] > v[r * k + best]) {
          best = c;
        }
      }
      out[r] = best;
    }
    return new Matrix(out, out.length, 1);
  }

  /**
   * The number of classes that labels (n, 1) imply: the largest label plus one. Every label
   * must be an integer >= 0.
   */
  public static int numClasses(Matrix labels) {
    requireIndexColumn(labels);
    Checks.argument(labels.rows() > 0, "labels have 0 rows; cannot count classes");
    int max = 0;
    for (int r = 0; r < labels.rows(); r++) {
      max = Math.max(max, classIndex(labels, r, Integer.MAX_VALUE));
    }
    return max + 1;
  }

  private static void requireIndexColumn(Matrix labels) {
    Checks.argument(labels.cols() == 1, "labels have %s columns, expected 1 (class indices "
        + "0..numClasses-1); are they one-hot already?", labels.cols());
  }

  /** The label in row r as an int, or an error naming the row when it is no class index. */
  private static int classIndex(Matrix labels, int r, int numClasses) {
    float v = labels.get(r, 0);
    Checks.argument(v >= 0 && v < numClasses && v == Math.rint(v),
        "label in row %s is %s; labels must be integers in [0, %s)", r, v,
        numClasses == Integer.MAX_VALUE ? "infinity" : numClasses);
    return (int) v;
  }
}
