package io.sparkmlp.nn;

import io.sparkmlp.kernel.Losses;
import java.util.Locale;

/**
 * The losses sparkmlp trains with, by Keras's names. {@link #lossAndDelta} returns the summed
 * loss of a block of outputs and writes dz, the gradient of that sum with respect to the output
 * layer's pre-activations, fusing softmax/sigmoid with cross-entropy where the pair allows.
 */
public enum Loss {
  CATEGORICAL_CROSSENTROPY("categorical_crossentropy"),
  SPARSE_CATEGORICAL_CROSSENTROPY("sparse_categorical_crossentropy"),
  BINARY_CROSSENTROPY("binary_crossentropy"),
  MSE("mse"),
  MAE("mae");

  private final String kerasName;

  Loss(String kerasName) {
    this.kerasName = kerasName;
  }

  public String kerasName() {
    return kerasName;
  }

  /** The loss with this Keras name (case-insensitive; long names such as mean_squared_error too). */
  public static Loss byName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "mean_squared_error":
        return MSE;
      case "mean_absolute_error":
        return MAE;
      default:
        for (Loss l : values()) {
          if (l.kerasName.equals(n)) {
            return l;
          }
        }
    }
    throw new IllegalArgumentException("unknown loss '" + name + "'; expected one of: "
        + "categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy, "
        + "mse (mean_squared_error), mae (mean_absolute_error)");
  }

  /** True when targets are one class index per row rather than a row per output. */
  public boolean sparseLabels() {
    return this == SPARSE_CATEGORICAL_CROSSENTROPY;
  }

  /** True when the loss wants classes (accuracy, label ranges make sense). */
  public boolean isClassification() {
    return this == CATEGORICAL_CROSSENTROPY || this == SPARSE_CATEGORICAL_CROSSENTROPY
        || this == BINARY_CROSSENTROPY;
  }

  /**
   * Summed loss of outputs (rows, cols) against targets y at yOff, and dz := d(sum)/dz. With
   * per-row weights w (at wOff; null for none) the sum is Σ w_r·loss_r and its gradient is
   * taken: each row of dz is scaled by its weight, and backpropagation, being linear in dz,
   * carries the weights down to every parameter.
   *
   * @param dz output: gradient with respect to the pre-activations z, (rows, cols)
   * @param scratch a (rows, cols) buffer for the gradient with respect to a, when not fused
   */
  public double lossAndDelta(float[] dz, float[] scratch, Activation act, float[] z, float[] a,
                             float[] y, int yOff, float[] w, int wOff, int rows, int cols) {
    if (act == Activation.SOFTMAX && this != BINARY_CROSSENTROPY && this != MSE && this != MAE) {
      return Losses.softmaxCrossEntropy(dz, z, y, yOff, w, wOff, rows, cols, sparseLabels());
    }
    if (act == Activation.SIGMOID && this == BINARY_CROSSENTROPY) {
      return Losses.sigmoidBinaryCrossEntropy(dz, z, y, yOff, w, wOff, rows, cols);
    }
    double loss = switch (this) {
      case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY ->
          Losses.crossEntropy(scratch, a, y, yOff, w, wOff, rows, cols, sparseLabels());
      case BINARY_CROSSENTROPY ->
          Losses.binaryCrossEntropy(scratch, a, y, yOff, w, wOff, rows, cols);
      case MSE -> Losses.meanSquaredError(scratch, a, y, yOff, w, wOff, rows, cols);
      case MAE -> Losses.meanAbsoluteError(scratch, a, y, yOff, w, wOff, rows, cols);
    };
    act.backward(dz, scratch, z, a, rows, cols);
    return loss;
  }
}
