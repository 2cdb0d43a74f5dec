package io.sparkmlp.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.train.Logs;
import io.sparkmlp.util.Checks;
import java.util.Map;

/**
 * Keras's EarlyStopping: stops when the monitored value has not improved by more than
 * {@code minDelta} for {@code patience} epochs. Values whose name contains "acc" are
 * maximised, others minimised. With {@link #restoreBestWeights} the best epoch's parameters
 * are put back when training ends. {@link Settings} holds the same settings as an immutable
 * record with Keras's defaults; a run configuration's {@code fit.early_stopping} binds there.
 */
public final class EarlyStopping implements Callback {
  private final String monitor;
  private final int patience;
  private double minDelta = Settings.DEFAULT_MIN_DELTA;
  private boolean restoreBestWeights = Settings.DEFAULT_RESTORE_BEST_WEIGHTS;

  private double best;
  private int bestEpoch;
  private int wait;
  private float[] bestParams;

  public EarlyStopping(String monitor, int patience) {
    Checks.argument(monitor != null && !monitor.isBlank(), "EarlyStopping needs a monitor");
    Checks.argument(patience >= 0, "EarlyStopping patience must be >= 0, got %s", patience);
    this.monitor = monitor;
    this.patience = patience;
  }

  /** A new callback with these settings (callbacks keep state: one per fit). */
  public EarlyStopping(Settings settings) {
    this(settings.monitor(), settings.patience());
    minDelta(settings.minDelta()).restoreBestWeights(settings.restoreBestWeights());
  }

  public EarlyStopping minDelta(double minDelta) {
    this.minDelta = Checks.nonNegative(minDelta, "EarlyStopping minDelta");
    return this;
  }

  public EarlyStopping restoreBestWeights(boolean restore) {
    this.restoreBestWeights = restore;
    return this;
  }

  private boolean maximise() {
    return monitor.contains("acc");
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    best = maximise() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    bestEpoch = -1;
    wait = 0;
    bestParams = null;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Double value = logs.get(monitor);
    if (value == null && control.skipsValidation(epoch, monitor)) {
      return;  // as Keras: an epoch without validation (validation_freq) does not count
    }
    if (value == null) {
      throw new IllegalArgumentException("EarlyStopping monitors '" + monitor
          + "' but the epoch logs have only " + logs.keySet()
          + (monitor.startsWith("val_") ? "; give validation data or validationSplit" : ""));
    }
    boolean improved = maximise() ? value > best + minDelta : value < best - minDelta;
    if (improved) {
      best = value;
      bestEpoch = epoch;
      wait = 0;
      if (restoreBestWeights) {
        bestParams = control.params().clone();
      }
    } else if (++wait >= patience) {
      control.stop(String.format("early stopping: %s did not improve for %d epochs (best %.4f at "
          + "epoch %d)", monitor, wait, best, bestEpoch + 1));
    }
  }

  @Override
  public void onTrainEnd(TrainingControl control) {
    if (restoreBestWeights && bestParams != null) {
      System.arraycopy(bestParams, 0, control.params(), 0, bestParams.length);
    }
  }

  /** The 0-based epoch with the best monitored value, or -1 before any epoch. */
  public int bestEpoch() {
    return bestEpoch;
  }

  public double best() {
    return best;
  }

  /**
   * EarlyStopping's settings with Keras's defaults, checked in the compact constructor.
   *
   * @param monitor the logged value watched: loss, a metric, or either with val_
   * @param patience epochs without improvement before stopping
   * @param minDelta the smallest change that counts as an improvement
   * @param restoreBestWeights whether to end with the best epoch's weights
   */
  @JsonClassDescription("Stops training when the monitored value has stopped improving, as "
      + "Keras's EarlyStopping. Values named *acc* are maximised, others minimised.")
  public record Settings(
      @JsonPropertyDescription("loss, a metric, or either with val_ (which needs validation "
          + "data)")
      String monitor,
      @JsonPropertyDescription("epochs without improvement before stopping (>= 0)")
      Integer patience,
      @JsonPropertyDescription("the smallest change that counts as an improvement (>= 0)")
      Double minDelta,
      @JsonPropertyDescription("whether to end with the weights of the best epoch rather than "
          + "the last")
      Boolean restoreBestWeights) {
    public static final String DEFAULT_MONITOR = Logs.VAL_PREFIX + Logs.LOSS;
    public static final int DEFAULT_PATIENCE = 0;
    public static final double DEFAULT_MIN_DELTA = 0.0;
    public static final boolean DEFAULT_RESTORE_BEST_WEIGHTS = false;

    public Settings {
      monitor = monitor == null ? DEFAULT_MONITOR : monitor;
      patience = patience == null ? DEFAULT_PATIENCE : patience;
      Checks.setting(patience >= 0, "patience", "must be >= 0, got %s", patience);
      minDelta = Checks.nonNegative(minDelta == null ? DEFAULT_MIN_DELTA : minDelta, "minDelta");
      restoreBestWeights = restoreBestWeights == null ? DEFAULT_RESTORE_BEST_WEIGHTS
          : restoreBestWeights;
    }
  }
}
