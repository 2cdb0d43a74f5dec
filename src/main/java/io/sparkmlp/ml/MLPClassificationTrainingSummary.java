package io.sparkmlp.ml;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A freshly fitted classifier's summary, as MLlib's training summaries are: the classification
 * metrics of {@link MLPClassificationSummary} on the rows it trained on (the validation
 * fraction left out), and the loss history of {@link MLPTrainingSummary} epoch by epoch.
 */
public final class MLPClassificationTrainingSummary extends MLPClassificationSummary {
  private static final long serialVersionUID = 1L;

  private final MLPTrainingSummary history;

  MLPClassificationTrainingSummary(Dataset<Row> predictions, String predictionCol,
                                   String probabilityCol, String labelCol, String weightCol,
                                   int numClasses, MLPTrainingSummary history) {
    super(predictions, predictionCol, probabilityCol, labelCol, weightCol, numClasses);
    this.history = history;
  }

  /** The history alone: every logged value per epoch and why training ended. */
  public MLPTrainingSummary history() {
    return history;
  }

  /** Training loss after each epoch (MLlib's name); see {@link MLPTrainingSummary}. */
  public double[] objectiveHistory() {
    return history.objectiveHistory();
  }

  /** Validation loss after each epoch; empty when no validation fraction was held out. */
  public double[] validationLossHistory() {
    return history.validationLossHistory();
  }

  /** Epochs trained (iterations of the l-bfgs solver). */
  public int totalEpochs() {
    return history.totalEpochs();
  }

  /** MLlib's name for {@link #totalEpochs}. */
  public int totalIterations() {
    return history.totalEpochs();
  }

  /** One logged value per epoch by its Keras name, e.g. "accuracy" or "val_loss". */
  public double[] series(String key) {
    return history.series(key);
  }

  public List<String> keys() {
    return history.keys();
  }

  /** Why training ended, as {@link MLPTrainingSummary#stopReason} says. */
  public String stopReason() {
    return history.stopReason();
  }
}
