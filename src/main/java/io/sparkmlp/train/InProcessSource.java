package io.sparkmlp.train;

import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.util.Arrays;
import java.util.Map;

/**
 * The gradient source of local training: all rows in one {@link Shard} (partition 0), whose
 * sums are the step's, on the caller's thread.
 */
final class InProcessSource implements GradientSource {
  private final TrainingData data;
  private final double weightSum;
  private StepPlan plan;
  private Shard shard;
  private Evaluator validator;

  InProcessSource(TrainingData data) {
    this.data = data;
    this.weightSum = SampleWeights.sum(data.w(), 0, data.x().rows());
  }

  @Override
  public long rows() {
    return data.x().rows();
  }

  @Override
  public double weightSum() {
    return weightSum;
  }

  @Override
  public int numPartitions() {
    return 1;
  }

  @Override
  public int maxPartitionRows() {
    return data.x().rows();
  }

  @Override
  public void start(StepPlan plan) {
    this.plan = plan;
    shard = new Shard(plan, Rows.of(data.x().values(), data.y().values(), data.w(),
        data.x().rows()), 0);
    validator = data.hasValidation()
        ? new Evaluator(plan.network(), plan.metrics(), plan.maxSlice()) : null;
  }

  @Override
  public StepSums gradient(float[] params, int epoch, int step, float[] grad) {
    return shard.gradient(params, grad, epoch, step);
  }

  @Override
  public StepSums localSteps(float[] params, Optimizer optimizer, OptimizerState state,
                             int epoch, int firstStep, int k, float[] change) {
    Shard.LocalUpdate u = shard.localSteps(params, OptimizerSnapshot.of(optimizer, state),
        epoch, firstStep, k);
    if (u.change() == null) {
      Arrays.fill(change, 0f);
    } else {
      System.arraycopy(u.change(), 0, change, 0, change.length);
    }
    return u.sums();
  }

  @Override
  public StepSums fullBatch(float[] params, int epoch, float[] grad) {
    StepSums sum = shard.fullBatch(params, grad);
    // As on Spark with one partition: the same loss bits whatever the partitioning.
    return StepSums.of(FullBatchSums.join(FullBatchSums.split(sum.sums())), sum.rows(),
        sum.weight());
  }

  @Override
  public boolean hasValidation() {
    return data.hasValidation();
  }

  @Override
  public Map<String, Double> validation(float[] params, int epoch) {
    double[] sums = validator.sums(data.xVal(), data.yVal(), data.wVal(), params);
    return Evaluator.logs(plan.network(), plan.metrics(), sums,
        SampleWeights.sum(data.wVal(), 0, data.xVal().rows()), params, Logs.VAL_PREFIX);
  }

  @Override
  public void close() {
    shard = null;
    validator = null;
  }
}
