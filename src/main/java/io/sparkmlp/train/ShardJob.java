package io.sparkmlp.train;

import java.io.Serializable;

/**
 * What a strategy asks of every holder of rows ({@link Shard}) in one job: its part of an exact
 * step ({@link ExactSteps}), of k local steps ({@link LocalSteps}), of a full-batch pass
 * ({@link FullBatchLbfgs}) or of an evaluation ({@link #evaluation}). A {@link GradientSource}
 * runs it on its holders at the driver's weights and adds up their parts
 * ({@link GradientSource#run}): in-process one call on its one holder, on Spark one task class
 * for every kind of job, whose parts PartialSums merges. A new kind of work is one new class.
 *
 * <p>A job is small and serializable, since it travels inside the Spark task; the weights and
 * optimizer state it reads travel apart, in the way the source chooses.
 */
public interface ShardJob extends Serializable {
  /**
   * This holder's part at params (and, for local steps, the optimizer with its state; null for
   * other jobs). A gradient-sized vector goes into {@code into} where given, else into the
   * holder's own buffer ({@link Shard#gradientBuffer}); either way the part names the array.
   */
  Part run(Shard shard, float[] params, OptimizerSnapshot optimizer, float[] into);

  /** The minibatch steps the job takes: what its timing is divided by ({@link JobTiming}). */
  default int steps() {
    return 1;
  }

  /**
   * What the Spark UI shows after {@code epoch e/E} for a job that is not one of the epoch's
   * steps ("full-batch pass 3"); null for steps, which the source describes itself.
   */
  default String label() {
    return null;
  }

  /**
   * Loss and metric sums over every row of each holder, in storage order, in chunks of at most
   * chunkRows rows (no gradient, no dropout): what validation and evaluation add up.
   */
  static ShardJob evaluation(int chunkRows) {
    return new Evaluation(chunkRows);
  }

  /**
   * One holder's part of a job: its vector (a gradient sum, or its weighted change of the
   * parameters and optimizer slots), null where it had no rows or the job makes none; and its
   * summed loss and metrics, rows and weight.
   */
  record Part(float[] vector, StepSums sums) {}
}
