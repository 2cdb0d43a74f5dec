package io.sparkmlp.train;

import io.sparkmlp.nn.Metric;
import java.util.List;
import java.util.Map;

/**
 * What the {@link Trainer} tells about training as it goes, and asks whether to go on:
 * {@code model.EpochLoop} implements it with Keras's callbacks and History. Calls come in this
 * order: {@link #begin} once, then per epoch {@link #shouldRun}, {@link #endStep} per step and
 * {@link #endEpoch}.
 */
public interface EpochObserver {
  /**
   * Training starts at firstEpoch (0-based); earlierEpochs are the logs of the epochs before it
   * that a resumed checkpoint recorded (empty when not resuming).
   */
  void begin(int firstEpoch, List<Map<String, Double>> earlierEpochs);

  /** Whether epoch (0-based) should run: within the requested count and nobody asked to stop. */
  boolean shouldRun(int epoch);

  /**
   * A step ended: rows of the epoch so far, {@code total} their weight, which the running means
   * of {@code sums} (loss first, then the metrics) divide by.
   */
  void endStep(int epoch, int step, int steps, long rows, double total, long epochStartNanos,
               double[] sums, List<Metric> metrics);

  /** The epoch ended with these logs (the observer adds its timing entries to them). */
  void endEpoch(int epoch, Map<String, Double> logs, int steps, long rows, double seconds);

  /** Stops training after the current epoch (the strategy's run has ended), recording why. */
  void stop(String reason);

  /** Whether training was asked to stop. */
  boolean stopRequested();
}
