package io.sparkmlp.spark;

import io.sparkmlp.model.MinibatchPlan;
import io.sparkmlp.model.StepWorker;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The executor's half of one synchronous step, as treeAggregate's seqOp: the partition's slice
 * of the global minibatch through the shared {@link StepWorker}, added to the task's sum.
 */
final class StepTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<TrainingSpec> spec;
  private final Broadcast<float[]> params;
  private final int epoch;
  private final int step;

  StepTask(Broadcast<TrainingSpec> spec, Broadcast<float[]> params, int epoch, int step) {
    this.spec = spec;
    this.params = params;
    this.epoch = epoch;
    this.step = step;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value();
    int steps = s.stepsPerEpoch();
    int from = MinibatchPlan.sliceStart(block.rows(), step, steps);
    int to = MinibatchPlan.sliceStart(block.rows(), step + 1, steps);
    double[] sums = new double[StepWorker.sumsLength(s.metrics())];
    if (to == from) {
      return acc.addSums(sums, 0);
    }
    PartitionCache.PartitionState st = PartitionCache.get(s, block, epoch);
    synchronized (st) {
      Arrays.fill(st.grad, 0f);
      double weight = st.worker.accumulate(block.x(), block.y(), block.w(), st.order(), from,
          to, params.value(), st.grad, sums, s.seed(), epoch, step, block.partition());
      return acc.add(st.grad, sums, to - from, weight);
    }
  }
}
