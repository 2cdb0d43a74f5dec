package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.model.Logs;
import io.sparkmlp.model.TargetLoss;
import io.sparkmlp.util.Checks;
import java.util.List;

/** {@code fit.target_loss}: train until a preset loss is reached. */
@JsonClassDescription("Stops training as soon as the monitored loss reaches a preset value.")
public record TargetLossConfig(
    @JsonProperty(required = true) @JsonPropertyDescription("the loss to reach")
    Double value,
    @JsonPropertyDescription("loss (the training loss) or val_loss (the validation loss, which "
        + "needs validation data)")
    String monitor,
    @JsonPropertyDescription("whether a run that ends without reaching it fails (exit code 4)")
    Boolean required) {
  public static final String DEFAULT_MONITOR = Logs.LOSS;
  public static final boolean DEFAULT_REQUIRED = false;
  private static final List<String> MONITORS = List.of(Logs.LOSS, Logs.VAL_PREFIX + Logs.LOSS);

  public TargetLossConfig {
    Checks.argument(value != null && Double.isFinite(value), "value must be a finite number, "
        + "got %s", value);
    monitor = monitor == null ? DEFAULT_MONITOR : monitor;
    Checks.argument(MONITORS.contains(monitor), "monitor must be one of %s; got '%s'",
        String.join(", ", MONITORS), monitor);
    required = required == null ? DEFAULT_REQUIRED : required;
  }

  /** A new callback with these settings (callbacks keep state: one per fit). */
  public TargetLoss build() {
    return new TargetLoss(value, monitor);
  }
}
