package io.sparkmlp.model;

import io.sparkmlp.nn.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The epoch bookkeeping every trainer shares: callbacks (with the progress line first when
 * verbose), the {@link History}, timing entries, and stopping. A trainer calls
 * {@link #endEpoch} after each epoch's steps and {@link #finish} at the end.
 */
public final class EpochLoop {
  private final FitOptions options;
  private final int firstEpoch;
  private final List<Callback> callbacks = new ArrayList<>();
  private final List<StepListener> stepListeners = new ArrayList<>();
  private final TrainingControl control;
  private final History history = new History();

  public EpochLoop(FitOptions options, float[] params) {
    this(options, params, options.initialEpoch());
  }

  /** A loop that starts at firstEpoch (0-based), e.g. after resuming from a checkpoint. */
  public EpochLoop(FitOptions options, float[] params, int firstEpoch) {
    this.options = options;
    this.firstEpoch = firstEpoch;
    if (options.verbose() > 0) {
      callbacks.add(new ProgressLogger());
    }
    callbacks.addAll(options.callbacks());
    for (Callback c : callbacks) {
      if (c instanceof StepListener l) {
        stepListeners.add(l);
      }
    }
    this.control = new TrainingControl(params, options.epochs(), options.validationFreq());
    callbacks.forEach(c -> c.onTrainBegin(control));
  }

  public int firstEpoch() {
    return firstEpoch;
  }

  /** Whether epoch (0-based) should run: within the requested count and nobody asked to stop. */
  public boolean shouldRun(int epoch) {
    return epoch < options.epochs() && !control.stopRequested();
  }

  /** Tells the step listeners (progress bars) that a step ended; cheap when there are none. */
  public void endStep(int epoch, int step, int steps, long rows, long epochStartNanos,
                      double[] sums, List<Metric> metrics) {
    endStep(epoch, step, steps, rows, rows, epochStartNanos, sums, metrics);
  }

  /**
   * As {@link #endStep(int, int, int, long, long, double[], List)} for sums weighted per row:
   * {@code total} is the weight of the epoch's rows so far, which the running means divide by.
   */
  public void endStep(int epoch, int step, int steps, long rows, double total,
                      long epochStartNanos, double[] sums, List<Metric> metrics) {
    if (stepListeners.isEmpty()) {
      return;
    }
    double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
    for (StepListener l : stepListeners) {
      l.onStep(epoch, step, steps, rows, seconds, () -> trainingLogs(sums, total, metrics));
    }
  }

  /**
   * Logs of the training pass from summed loss and metrics: the sums divided by {@code total},
   * the row count, or the rows' weight sum when the sums are weighted.
   */
  public static Map<String, Double> trainingLogs(double[] sums, double total,
                                                 List<Metric> metrics) {
    Map<String, Double> logs = new LinkedHashMap<>();
    double n = total > 0 ? total : 1;  // only weight-0 rows so far: their sums are 0 too
    logs.put(Logs.LOSS, sums[0] / n);
    for (int m = 0; m < metrics.size(); m++) {
      logs.put(metrics.get(m).kerasName(), sums[1 + m] / n);
    }
    return logs;
  }

  /** Adds timing entries, records the epoch and runs the callbacks. */
  public void endEpoch(int epoch, Map<String, Double> logs, int steps, long rows,
                       double seconds) {
    logs.put(Logs.STEPS, (double) steps);
    logs.put(Logs.SECONDS, seconds);
    logs.put(Logs.SAMPLES_PER_SECOND, rows / seconds);
    history.add(logs);
    for (Callback c : callbacks) {
      c.onEpochEnd(epoch, logs, control);
    }
  }

  /** Stops training after the current epoch (the strategy's run has ended), recording why. */
  public void stop(String reason) {
    control.stop(reason);
  }

  /** Whether a callback asked training to stop. */
  public boolean stopRequested() {
    return control.stopRequested();
  }

  /** Runs the end-of-training callbacks and returns the history. */
  public History finish() {
    callbacks.forEach(c -> c.onTrainEnd(control));
    if (control.stopRequested()) {
      history.stopReason(control.stopReason());
    }
    return history;
  }
}
