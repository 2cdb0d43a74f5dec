package io.sparkmlp.nn;

/**
 * Checks that targets fit a loss and an output width before training starts, so a bad label
 * is reported once with its row instead of surfacing as an index error mid-epoch.
 */
public final class Targets {
  private Targets() {}

  /**
   * Validates y (rows, cols) at yOff for the given loss: sparse labels need one integer class
   * in [0, outputDim) per row; other losses need one target per output; binary cross-entropy
   * targets must lie in [0, 1]; all must be finite.
   *
   * @param name how to name y in errors, e.g. "y_train.npy"
   */
  public static void check(Loss loss, int outputDim, float[] y, int yOff, int rows, int cols,
                           String name) {
    check(loss, outputDim, y, yOff, rows, cols, name, 0);
  }

  /**
   * As {@link #check(Loss, int, float[], int, int, int, String)}, for a block that starts at
   * row {@code rowOffset} of a larger data set: errors name the row in the whole data set.
   */
  public static void check(Loss loss, int outputDim, float[] y, int yOff, int rows, int cols,
                           String name, long rowOffset) {
    if (loss.sparseLabels()) {
      if (cols != 1) {
        throw new IllegalArgumentException(name + " has " + cols + " columns; "
            + loss.kerasName() + " expects one integer class index per row (use "
            + "categorical_crossentropy for one-hot labels)");
      }
    } else if (cols != outputDim) {
      throw new IllegalArgumentException(name + " has " + cols + " columns but the output layer "
          + "has " + outputDim + " units" + (cols == 1 && loss == Loss.CATEGORICAL_CROSSENTROPY
          ? " (class indices need sparse_categorical_crossentropy, or one-hot encode them)" : ""));
    }
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < cols; j++) {
        float v = y[yOff + r * cols + j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException(name + ": row " + (rowOffset + r) + ", column " + j + " is " + v
              + "; targets must be finite");
        }
        if (loss.sparseLabels() && (v != Math.rint(v) || v < 0 || v >= outputDim)) {
          throw new IllegalArgumentException(name + ": row " + (rowOffset + r) + " has label " + v
              + "; expected an integer class in [0, " + outputDim + ")");
        }
        if (loss == Loss.BINARY_CROSSENTROPY && (v < 0f || v > 1f)) {
          throw new IllegalArgumentException(name + ": row " + (rowOffset + r) + ", column " + j + " is " + v
              + "; binary_crossentropy targets must be in [0, 1]");
        }
      }
    }
  }
}
