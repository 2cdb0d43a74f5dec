package io.sparkmlp.model;

import io.sparkmlp.util.Checks;
import java.util.Map;

/**
 * Stops training as soon as the monitored loss ({@code loss} by default, or {@code val_loss})
 * reaches the target: the "train until the preset loss is reached" step.
 */
public final class TargetLoss implements Callback {
  private final double target;
  private final String monitor;
  private int reachedAtEpoch = -1;

  public TargetLoss(double target) {
    this(target, "loss");
  }

  public TargetLoss(double target, String monitor) {
    Checks.argument(Double.isFinite(target), "target loss must be finite, got %s", target);
    this.target = target;
    this.monitor = monitor;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    reachedAtEpoch = -1;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Double value = logs.get(monitor);
    if (value == null && control.skipsValidation(epoch, monitor)) {
      return;  // not a validation epoch (validation_freq)
    }
    if (value == null) {
      throw new IllegalArgumentException("TargetLoss monitors '" + monitor
          + "' but the epoch logs have only " + logs.keySet());
    }
    if (value <= target) {
      reachedAtEpoch = epoch;
      control.stop(String.format("target reached: %s %.4f <= %s at epoch %d", monitor, value,
          target, epoch + 1));
    }
  }

  /** Whether the target was reached in the last fit. */
  public boolean reached() {
    return reachedAtEpoch >= 0;
  }

  /** The 0-based epoch at which it was reached, or -1. */
  public int reachedAtEpoch() {
    return reachedAtEpoch;
  }

  public double target() {
    return target;
  }
}
