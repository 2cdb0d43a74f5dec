package io.sparkmlp.model;

import java.util.Map;

/**
 * Hooks into training, as Keras's callbacks. {@code logs} carry the epoch's values under
 * Keras's names; a callback stops training through {@link TrainingControl#stop}.
 */
public interface Callback {

  default void onTrainBegin(TrainingControl control) {}

  /** After epoch (0-based) with its logs (loss, metrics, val_*). */
  default void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {}

  default void onTrainEnd(TrainingControl control) {}
}
