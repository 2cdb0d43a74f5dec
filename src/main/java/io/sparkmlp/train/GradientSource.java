package io.sparkmlp.train;

import java.util.Map;

/**
 * Where the {@link Trainer}'s sums come from: the training rows, spread over one holder or
 * several (Spark's partitions), each a {@link Shard}. A strategy hands it a {@link ShardJob}
 * (an exact step's gradient, k local steps, a full-batch pass) and it runs the job on every
 * holder and sums their parts ({@link #run}): in-process on its one shard; on Spark as one job
 * whose tasks carry the weights and whose partial sums are merged in partition order. Either
 * way every row's contribution is computed by the same {@link Shard}, so the trainer takes the
 * same steps on the same minibatches.
 */
public interface GradientSource {
  /** The source of local training: all of data's rows in one holder, on the caller's thread. */
  static GradientSource inProcess(TrainingData data) {
    return new InProcessSource(data);
  }

  /** Training rows over all holders. */
  long rows();

  /** The training rows' total weight: Σ w in double, the row count when unweighted. */
  double weightSum();

  /** How many holders the rows are spread over (partitions; 1 in-process). */
  int numPartitions();

  /** The most rows one holder has. */
  int maxPartitionRows();

  /** Sets the holders up for a run; called once, before the first step. */
  void start(StepPlan plan);

  /**
   * How long the last {@link #run} call's job took, and how much of it its holders spent
   * computing ({@link AutoSteps} and {@link ExactSteps} choose and advise by it); null where
   * jobs cost nothing of their own (in-process) or before the first.
   */
  default JobTiming lastJob() {
    return null;
  }

  /** Called before each step (or group of local steps) starting at {@code step}. */
  default void beforeStep(int epoch, int step) {}

  /**
   * Runs job on every holder of the training rows at params (and, for local steps, the
   * optimizer with its state; else null) and adds up their parts: out := the sum of their
   * vectors (zeros where none made one); returns the sum of their sums, rows and weights. How
   * the parts are added does not depend on the order in which holders finish: in-process there
   * is one; on Spark PartialSums merges them in partition order.
   */
  StepSums run(ShardJob job, float[] params, OptimizerSnapshot optimizer, float[] out);

  /** Whether there are validation rows. */
  boolean hasValidation();

  /** Validation loss and metrics at params after epoch {@code epoch}, keyed "val_loss", ... */
  Map<String, Double> validation(float[] params, int epoch);

  /** Releases what {@link #start} set up; called once, also when training fails. */
  void close();
}
