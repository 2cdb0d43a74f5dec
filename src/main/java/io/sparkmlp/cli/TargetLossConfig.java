package io.sparkmlp.cli;

import io.sparkmlp.model.TargetLoss;

/** {@code fit.target_loss}: train until a preset loss is reached. */
@Section(doc = "Stops training as soon as the monitored loss reaches a preset value.")
public record TargetLossConfig(
    @Key(name = "value",
        doc = "the loss to reach")
    double value,
    @Key(name = "monitor", defaultValue = "loss", oneOf = {"loss", "val_loss"},
        doc = "the training loss, or the validation loss (which needs validation data)")
    String monitor,
    @Key(name = "required", defaultValue = "false",
        doc = "whether a run that ends without reaching it fails (exit code 4)")
    boolean required) {

  /** A new callback with these settings (callbacks keep state: one per fit). */
  public TargetLoss build() {
    return new TargetLoss(value, monitor);
  }
}
