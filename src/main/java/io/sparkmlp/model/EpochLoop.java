package io.sparkmlp.model;

import io.sparkmlp.nn.Metric;
import io.sparkmlp.train.EpochObserver;
import io.sparkmlp.train.Logs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The epoch bookkeeping of a fit: callbacks (with the progress line first when verbose), the
 * {@link History}, timing entries, and stopping. The trainer ({@code train.Trainer}) reports
 * to it as an {@link EpochObserver}; {@link #finish} ends training and gives the history.
 */
final class EpochLoop implements EpochObserver {
  private final FitOptions options;
  private final List<Callback> callbacks = new ArrayList<>();
  private final List<StepListener> stepListeners = new ArrayList<>();
  private final TrainingControl control;
  private final History history = new History();

  EpochLoop(FitOptions options, float[] params) {
    this.options = options;
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
  }

  /** Records the epochs before a resumed checkpoint, then runs the callbacks' onTrainBegin. */
  @Override
  public void begin(int firstEpoch, List<Map<String, Double>> earlierEpochs) {
    earlierEpochs.forEach(history::add);
    callbacks.forEach(c -> c.onTrainBegin(control));
  }

  @Override
  public boolean shouldRun(int epoch) {
    return epoch < options.epochs() && !control.stopRequested();
  }

  /** Tells the step listeners (progress bars) that a step ended; cheap when there are none. */
  @Override
  public void endStep(int epoch, int step, int steps, long rows, double total,
                      long epochStartNanos, double[] sums, List<Metric> metrics) {
    if (stepListeners.isEmpty()) {
      return;
    }
    double seconds = (System.nanoTime() - epochStartNanos) / 1e9;
    for (StepListener l : stepListeners) {
      l.onStep(epoch, step, steps, rows, seconds, () -> Logs.training(sums, total, metrics));
    }
  }

  /** Adds timing entries, records the epoch and runs the callbacks. */
  @Override
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

  @Override
  public void stop(String reason) {
    control.stop(reason);
  }

  @Override
  public boolean stopRequested() {
    return control.stopRequested();
  }

  /** Runs the end-of-training callbacks and returns the history. */
  History finish() {
    callbacks.forEach(c -> c.onTrainEnd(control));
    if (control.stopRequested()) {
      history.stopReason(control.stopReason());
    }
    return history;
  }
}
