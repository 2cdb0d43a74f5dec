package io.sparkmlp.cli;

import io.sparkmlp.model.EarlyStopping;

/** {@code fit.early_stopping}: Keras's {@code EarlyStopping} callback. */
@Section(doc = "Stops training when the monitored value has stopped improving, as Keras's "
    + "EarlyStopping. Values named *acc* are maximised, others minimised.")
public record EarlyStoppingConfig(
    @Key(name = "monitor", defaultValue = "val_loss",
        doc = "loss, a metric, or either with val_ (which needs validation data)")
    String monitor,
    @Key(name = "patience", defaultValue = "0", range = ">= 0",
        doc = "epochs without improvement before stopping")
    int patience,
    @Key(name = "min_delta", defaultValue = "0.0", range = ">= 0",
        doc = "the smallest change that counts as an improvement")
    double minDelta,
    @Key(name = "restore_best_weights", defaultValue = "false",
        doc = "whether to end with the weights of the best epoch rather than the last")
    boolean restoreBestWeights) {

  /** A new callback with these settings (callbacks keep state: one per fit). */
  public EarlyStopping build() {
    return new EarlyStopping(monitor, patience).minDelta(minDelta)
        .restoreBestWeights(restoreBestWeights);
  }
}
