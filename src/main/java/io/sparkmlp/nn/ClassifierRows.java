package io.sparkmlp.nn;

/**
 * How a single-label classifier's rows read as classes, the one rule behind the confusion
 * matrix and ROC AUC: the predicted class is the argmax of the outputs (a single sigmoid
 * output: 1 when above 0.5, as {@code Sequential.predictClasses}); the true class is the
 * label (sparse labels), the argmax of a one-hot target, or the target above 0.5 (a single
 * output).
 * For binary problems the score of the positive class (1) is the sigmoid output or the second
 * softmax output. Multi-label models (binary cross-entropy over several outputs) and regressors
 * have no classes here.
 */
public final class ClassifierRows {
  private final int outputs;
  private final int targets;
  private final boolean sparse;

  private ClassifierRows(Network net) {
    this.outputs = net.outputDim();
    this.sparse = net.loss().sparseLabels();
    this.targets = sparse ? 1 : outputs;
  }

  /** Whether the network is a single-label classifier (and these rules apply). */
  public static boolean applies(Network net) {
    Loss loss = net.loss();
    return loss.isClassification() && (loss != Loss.BINARY_CROSSENTROPY || net.outputDim() == 1);
  }

  /** The rules for net, which must be a single-label classifier. */
  public static ClassifierRows of(Network net) {
    if (!applies(net)) {
      throw new IllegalArgumentException("class metrics need a single-label classifier "
          + "(softmax with a crossentropy loss, or one sigmoid output with "
          + "binary_crossentropy), not " + net.outputDim() + " outputs with "
          + net.loss().kerasName());
    }
    return new ClassifierRows(net);
  }

  /** The number of classes: the outputs, or 2 for one sigmoid output. */
  public int classes() {
    return outputs == 1 ? 2 : outputs;
  }

  /** Whether there are two classes, so a score ranks the rows (ROC AUC). */
  public boolean binary() {
    return classes() == 2;
  }

  /** The predicted class of row r of outputs a (rows of {@code outputs} values). */
  public int predicted(float[] a, int r) {
    int o = r * outputs;
    return outputs == 1 ? (a[o] > 0.5f ? 1 : 0) : Metric.argmax(a, o, outputs);
  }

  /** The true class of row r of targets y, laid out as the loss expects them. */
  public int actual(float[] y, int r) {
    if (sparse) {
      return (int) y[r];
    }
    int o = r * targets;
    return targets == 1 ? (y[o] > 0.5f ? 1 : 0) : Metric.argmax(y, o, targets);
  }

  /** The score of class 1 for row r of outputs a; binary problems only. */
  public float positiveScore(float[] a, int r) {
    return outputs == 1 ? a[r] : a[r * outputs + 1];
  }
}
