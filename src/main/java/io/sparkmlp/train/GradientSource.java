package io.sparkmlp.train;

import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.util.Map;

/**
 * Where the {@link Trainer}'s sums come from: the training rows, spread over one holder or
 * several (Spark's partitions), each a {@link Shard}. In-process it asks its one shard; on
 * Spark it broadcasts the weights and sums the partitions' results with treeAggregate. Either
 * way every row's contribution is computed by the same {@link StepWorker}, so the trainer
 * takes the same steps on the same minibatches.
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
   * How long the last {@link #gradient} or {@link #localSteps} call's job took, and how much of
   * it its holders spent computing ({@link AutoSteps} and {@link ExactSteps} choose and advise
   * by it); null where steps need no job (in-process) or before the first.
   */
  default JobTiming lastJob() {
    return null;
  }

  /** Called before each step (or group of local steps) starting at {@code step}. */
  default void beforeStep(int epoch, int step) {}

  /**
   * Exact step {@code step} of {@code epoch} at params: grad := the gradient of the summed loss
   * over every holder's slice; returns the sums over those rows.
   */
  StepSums gradient(float[] params, int epoch, int step, float[] grad);

  /**
   * Local steps {@code firstStep .. firstStep+k-1}: every holder steps through its own slices
   * from params and the optimizer's state; change := the sum of the holders' weighted changes
   * of the parameters then of each optimizer slot (see {@link Shard#localSteps}); returns the
   * sums over their rows.
   */
  StepSums localSteps(float[] params, Optimizer optimizer, OptimizerState state, int epoch,
                      int firstStep, int k, float[] change);

  /**
   * One full-batch pass at params for epoch {@code epoch} (L-BFGS's function evaluation): grad
   * := the gradient of the summed loss over every training row, in storage order, without
   * dropout masks drawn per step; returns the sums over all rows, their loss summed so that
   * the total does not depend on how partial sums are merged ({@link FullBatchSums}).
   */
  StepSums fullBatch(float[] params, int epoch, float[] grad);

  /** Whether there are validation rows. */
  boolean hasValidation();

  /** Validation loss and metrics at params after epoch {@code epoch}, keyed "val_loss", ... */
  Map<String, Double> validation(float[] params, int epoch);

  /** Releases what {@link #start} set up; called once, also when training fails. */
  void close();
}
