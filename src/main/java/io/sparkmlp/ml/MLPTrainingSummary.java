package io.sparkmlp.ml;

import io.sparkmlp.model.History;
import io.sparkmlp.train.Logs;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fit did, epoch by epoch: MLlib's {@code objectiveHistory} (the training loss per
 * epoch, the regulariser included), the validation loss when a validation fraction was held
 * out, every other logged value by its Keras name (accuracy, val_accuracy, mae, ...), and why
 * training ended. Like MLlib's summaries it exists only on a freshly fitted model, not on one
 * loaded from disk.
 */
public final class MLPTrainingSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, double[]> history;
  private final String stopReason;

  MLPTrainingSummary(History h) {
    this.history = new LinkedHashMap<>();
    for (String key : h.keys()) {
      List<Double> values = h.get(key);
      history.put(key, values.stream().mapToDouble(Double::doubleValue).toArray());
    }
    this.stopReason = h.stopReason();
  }

  /** Training loss after each epoch (the mean over the epoch's minibatches). */
  public double[] objectiveHistory() {
    return series(Logs.LOSS);
  }

  /** Validation loss after each epoch; empty when no validation fraction was held out. */
  public double[] validationLossHistory() {
    return series(Logs.VAL_PREFIX + Logs.LOSS);
  }

  /** Epochs trained (fewer than maxEpochs when early stopping ended training). */
  public int totalEpochs() {
    return objectiveHistory().length;
  }

  /** One logged value per epoch by its Keras name, e.g. "accuracy" or "val_mae". */
  public double[] series(String key) {
    double[] s = history.get(key);
    return s == null ? new double[0] : s.clone();
  }

  /** The names logged every epoch, in the order they were first logged. */
  public List<String> keys() {
    return List.copyOf(history.keySet());
  }

  /** Why training ended: "epochs" or the callback that stopped it. */
  public String stopReason() {
    return stopReason;
  }
}
