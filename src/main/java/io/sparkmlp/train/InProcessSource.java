package io.sparkmlp.train;

import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.SampleWeights;
import java.util.Arrays;
import java.util.Map;

/**
 * The gradient source of local training: all rows in one {@link Shard} (partition 0), whose
 * part is the job's sum, on the caller's thread; the validation rows in another.
 */
final class InProcessSource implements GradientSource {
  private final TrainingData data;
  private final double weightSum;
  private StepPlan plan;
  private Shard shard;
  private Shard validation;

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
    validation = data.hasValidation() ? new Shard(plan, Rows.of(data.xVal().values(),
        data.yVal().values(), data.wVal(), data.xVal().rows()), 0) : null;
  }

  /** The one shard's part, its vector written straight into out where the job allows. */
  @Override
  public StepSums run(ShardJob job, float[] params, OptimizerSnapshot optimizer, float[] out) {
    ShardJob.Part part = job.run(shard, params, optimizer, out);
    if (part.vector() == null) {
      Arrays.fill(out, 0f);
    } else if (part.vector() != out) {
      System.arraycopy(part.vector(), 0, out, 0, out.length);
    }
    return part.sums();
  }

  @Override
  public boolean hasValidation() {
    return data.hasValidation();
  }

  /** In chunks of the step's slice size, as the buffers of training are sized. */
  @Override
  public Map<String, Double> validation(float[] params, int epoch) {
    StepSums sum = ShardJob.evaluation(plan.maxSlice()).run(validation, params, null, null)
        .sums();
    return Evaluator.logs(plan.network(), plan.metrics(), sum.sums(), sum.weight(), params,
        Logs.VAL_PREFIX);
  }

  @Override
  public void close() {
    shard = null;
    validation = null;
  }
}
