package io.sparkmlp.spark;

import io.sparkmlp.model.Shard;
import io.sparkmlp.model.StepSums;
import io.sparkmlp.model.StepWorker;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * A step's job with its compute repeated {@code repeats} times, for measuring what a
 * synchronisation and a step cost ({@link SparkSource#stepCost}). With 0 repeats it reads the
 * broadcast weights and sends back a zero gradient of the network's size from every partition
 * without touching a row: Spark's fixed cost. With r repeats every partition computes the
 * gradient of its slice of step 0 of epoch 0 r times and sends the last, as {@link StepTask}
 * would: the job's cost plus r steps' compute. Repeating makes a compute far smaller than the
 * job's cost (a small network at a small batch) stand out of the job's noise; it changes no
 * weight, since slices and dropout masks are functions of the seed, epoch, step and partition.
 */
final class ProbeTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Broadcast<RawFloats> params;
  private final int repeats;

  ProbeTask(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params, int repeats) {
    this.spec = spec;
    this.params = params;
    this.repeats = repeats;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value().get();
    Shard shard = PartitionCache.get(s, block);
    synchronized (shard) {
      float[] grad = shard.gradientBuffer();
      float[] w = params.value().values();
      if (repeats == 0) {
        Arrays.fill(grad, 0f);
        return acc.add(grad, new double[StepWorker.sumsLength(s.plan().metrics())], 0, 0);
      }
      StepSums sum = null;
      for (int r = 0; r < repeats; r++) {
        sum = shard.gradient(w, grad, 0, 0);
      }
      return sum.rows() == 0 ? acc.addSums(sum.sums(), 0)
          : acc.add(grad, sum.sums(), sum.rows(), sum.weight());
    }
  }
}
