package io.sparkmlp.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.train.Logs;
import io.sparkmlp.util.Checks;
import java.util.List;
import java.util.Map;

/**
 * Stops training as soon as the monitored loss ({@code loss} by default, or {@code val_loss})
 * reaches the target: the "train until the preset loss is reached" step. {@link Settings} holds
 * the same settings as a record; a run configuration's {@code fit.target_loss} binds there.
 */
public final class TargetLoss implements Callback {
  private final double target;
  private final String monitor;
  private int reachedAtEpoch = -1;

  public TargetLoss(double target) {
    this(target, Settings.DEFAULT_MONITOR);
  }

  /** A new callback with these settings (callbacks keep state: one per fit). */
  public TargetLoss(Settings settings) {
    this(settings.value(), settings.monitor());
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

  /**
   * TargetLoss's settings, checked in the compact constructor.
   *
   * @param value the loss to reach
   * @param monitor loss or val_loss
   * @param required whether a run that ends without reaching the value has failed; the
   *     callback only stops training, its caller decides what failing means (the CLI's exit 4)
   */
  @JsonClassDescription("Stops training as soon as the monitored loss reaches a preset value.")
  public record Settings(
      @JsonProperty(required = true) @JsonPropertyDescription("the loss to reach")
      Double value,
      @JsonPropertyDescription("loss (the training loss) or val_loss (the validation loss, "
          + "which needs validation data)")
      String monitor,
      @JsonPropertyDescription("whether a run that ends without reaching it fails (exit code 4)")
      Boolean required) {
    public static final String DEFAULT_MONITOR = Logs.LOSS;
    public static final boolean DEFAULT_REQUIRED = false;
    private static final List<String> MONITORS = List.of(Logs.LOSS, Logs.VAL_PREFIX + Logs.LOSS);

    public Settings {
      Checks.setting(value != null && Double.isFinite(value), "value", "must be a finite number, "
          + "got %s", value);
      monitor = monitor == null ? DEFAULT_MONITOR : monitor;
      Checks.setting(MONITORS.contains(monitor), "monitor", "must be one of %s; got '%s'",
          String.join(", ", MONITORS), monitor);
      required = required == null ? DEFAULT_REQUIRED : required;
    }
  }
}
