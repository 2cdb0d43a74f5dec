package io.sparkmlp.train;

import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.Optimizer;
import java.util.Map;

/**
 * How the {@link Trainer} turns a {@link GradientSource}'s sums into parameter updates: exact
 * minibatch steps ({@link ExactSteps}), local steps with averaging ({@link LocalSteps}) or
 * full-batch L-BFGS iterations ({@link FullBatchLbfgs}). Each is written once and runs
 * in-process and on Spark alike: what it asks of the holders of rows is a {@link ShardJob} of
 * its own, which every source runs the same way ({@link GradientSource#run}), so a new strategy
 * is one new class. The loop around them (epochs, callbacks, validation, divergence,
 * checkpoints) is the trainer's.
 */
public interface StepStrategy {
  /**
   * Full-batch L-BFGS for the {@code lbfgs} optimizer (batch size and syncEvery do not apply);
   * otherwise exact steps when syncEvery is 1, {@link AutoSteps} when it is 0 (chosen from the
   * jobs' timings), else syncEvery local steps between synchronisations.
   */
  static StepStrategy of(Trainable model, int syncEvery) {
    if (model.optimizer() instanceof Lbfgs lbfgs) {
      return new FullBatchLbfgs(model, lbfgs, FullBatchSolver.load());
    }
    return syncEvery == 1 ? ExactSteps.advising(model)
        : syncEvery == 0 ? new AutoSteps(model) : new LocalSteps(model, syncEvery);
  }

  /**
   * The model's first-order optimizer, which minibatch steps apply; L-BFGS takes none (its
   * strategy is {@link FullBatchLbfgs}).
   */
  static Optimizer stepping(Trainable model) {
    if (model.optimizer() instanceof Optimizer optimizer) {
      return optimizer;
    }
    throw new IllegalStateException(model.optimizer().name() + " takes full-batch iterations, "
        + "not minibatch steps");
  }

  /** Called once after the source has started, before the first step. */
  default void start(GradientSource source, int stepsPerEpoch) {}

  /**
   * The local steps per synchronisation a checkpoint must keep for this strategy to resume
   * exactly (what {@code sync_every: auto} chose and fixed), or null where the settings
   * alone say it.
   */
  default Integer chosenSyncEvery() {
    return null;
  }

  /**
   * Called before {@link #start} when resuming, with the checkpoint's
   * {@link #chosenSyncEvery} (null where it kept none).
   */
  default void resume(Integer chosenSyncEvery) {}

  /** Steps in one epoch of totalRows rows at the given batch size. */
  default int stepsPerEpoch(long totalRows, int batchSize) {
    return MinibatchPlan.stepsPerEpoch(totalRows, batchSize);
  }

  /**
   * The most rows one holder passes through the network at once (its buffers' size): the
   * largest slice of a step's minibatch unless the strategy passes its rows in chunks.
   */
  default int maxSlice(int maxPartitionRows, int steps) {
    return MinibatchPlan.maxSlice(maxPartitionRows, steps);
  }

  /** Why training should stop after this epoch (the strategy's run has ended), or null. */
  default String stopReason() {
    return null;
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
