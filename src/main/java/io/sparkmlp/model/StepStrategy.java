package io.sparkmlp.model;

import java.util.Map;

/**
 * How the {@link Trainer} turns a {@link GradientSource}'s sums into parameter updates: exact
 * minibatch steps ({@link ExactSteps}) or local steps with averaging ({@link LocalSteps}).
 * Each is written once and runs in-process and on Spark alike; the loop around them (epochs,
 * callbacks, validation, divergence, checkpoints) is the trainer's.
 */
public interface StepStrategy {
  /**
   * Exact steps when syncEvery is 1, {@link AutoSteps} when it is 0 (chosen by measurement),
   * else syncEvery local steps between synchronisations.
   */
  static StepStrategy of(Sequential model, int syncEvery) {
    return syncEvery == 1 ? new ExactSteps(model)
        : syncEvery == 0 ? new AutoSteps(model) : new LocalSteps(model, syncEvery);
  }

  /** Called once after the source has started, before the first step. */
  default void start(GradientSource source, int stepsPerEpoch) {}

  /** Steps in one epoch of totalRows rows at the given batch size. */
  default int stepsPerEpoch(long totalRows, int batchSize) {
    return MinibatchPlan.stepsPerEpoch(totalRows, batchSize);
  }

  /** How many of the epoch's steps the call starting at {@code step} takes. */
  int span(int step, int steps);

  /**
   * Takes steps [step, step+span) of epoch {@code epoch}: updates the model's parameters and
   * optimizer state, after checking the loss with {@link DivergedException#checkLoss}. Returns
   * the sums over the rows it processed.
   */
  StepSums take(GradientSource source, int epoch, int step, int span);

  /** Values this strategy adds to every epoch's logs (and so to the metrics). */
  default Map<String, Double> epochLogs() {
    return Map.of();
  }
}
