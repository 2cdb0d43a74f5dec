package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.Logs;
import io.sparkmlp.util.Checks;

/** {@code fit.early_stopping}: Keras's {@code EarlyStopping} callback. */
@JsonClassDescription("Stops training when the monitored value has stopped improving, as "
    + "Keras's EarlyStopping. Values named *acc* are maximised, others minimised.")
public record EarlyStoppingConfig(
    @JsonPropertyDescription("loss, a metric, or either with val_ (which needs validation data)")
    String monitor,
    @JsonPropertyDescription("epochs without improvement before stopping (>= 0)")
    Integer patience,
    @JsonPropertyDescription("the smallest change that counts as an improvement (>= 0)")
    Double minDelta,
    @JsonPropertyDescription("whether to end with the weights of the best epoch rather than the "
        + "last")
    Boolean restoreBestWeights) {
  public static final String DEFAULT_MONITOR = Logs.VAL_PREFIX + Logs.LOSS;
  public static final int DEFAULT_PATIENCE = 0;
  public static final double DEFAULT_MIN_DELTA = 0.0;
  public static final boolean DEFAULT_RESTORE_BEST_WEIGHTS = false;

  public EarlyStoppingConfig {
    monitor = monitor == null ? DEFAULT_MONITOR : monitor;
    patience = patience == null ? DEFAULT_PATIENCE : patience;
    Checks.argument(patience >= 0, "patience must be >= 0, got %s", patience);
    minDelta = Checks.nonNegative(minDelta == null ? DEFAULT_MIN_DELTA : minDelta, "min_delta");
    restoreBestWeights = restoreBestWeights == null ? DEFAULT_RESTORE_BEST_WEIGHTS
        : restoreBestWeights;
  }

  /** A new callback with these settings (callbacks keep state: one per fit). */
  public EarlyStopping build() {
    return new EarlyStopping(monitor, patience).minDelta(minDelta)
        .restoreBestWeights(restoreBestWeights);
  }
}
