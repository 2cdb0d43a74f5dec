package io.sparkmlp.spark;

import io.sparkmlp.model.MinibatchPlan;
import io.sparkmlp.model.StepWorker;
import io.sparkmlp.nn.Network;
import io.sparkmlp.optim.OptimizerState;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * treeAggregate's seqOp when partitions take several steps between synchronisations: starting
 * from the broadcast weights and optimizer state, the partition steps through its slices of k
 * consecutive minibatches on its own, and returns rows × (its weights − the broadcast weights),
 * followed by the same for each optimizer slot, so the driver can form the rows-weighted mean.
 * With per-row sample weights, "rows" is the rows' total weight throughout: each local step
 * divides by its slice's weight, and the partition's change counts by its total weight.
 */
final class LocalStepsTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<TrainingSpec> spec;
  private final Broadcast<float[]> params;
  private final Broadcast<OptimizerSnapshot> optimizer;
  private final int epoch;
  private final int firstStep;
  private final int k;

  LocalStepsTask(Broadcast<TrainingSpec> spec, Broadcast<float[]> params,
                 Broadcast<OptimizerSnapshot> optimizer, int epoch, int firstStep, int k) {
    this.spec = spec;
    this.params = params;
    this.optimizer = optimizer;
    this.epoch = epoch;
    this.firstStep = firstStep;
    this.k = k;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value();
    Network net = s.network();
    OptimizerSnapshot snap = optimizer.value();
    float[] start = params.value();
    double[] sums = new double[StepWorker.sumsLength(s.metrics())];
    PartitionCache.PartitionState st = PartitionCache.get(s, block, epoch);
    synchronized (st) {
      float[] w = start.clone();
      OptimizerState state = snap.copyState();
      long rows = 0;
      double weight = 0;
      for (int step = firstStep; step < firstStep + k; step++) {
        int from = MinibatchPlan.sliceStart(block.rows(), step, s.stepsPerEpoch());
        int to = MinibatchPlan.sliceStart(block.rows(), step + 1, s.stepsPerEpoch());
        if (to == from) {
          continue;
        }
        Arrays.fill(st.grad, 0f);
        double sliceWeight = st.worker.accumulate(block.x(), block.y(), block.w(), st.order(),
            from, to, w, st.grad, sums, s.seed(), epoch, step, block.partition());
        sums[0] += sliceWeight * net.finishGradient(st.grad, sliceWeight, w);
        snap.optimizer().step(w, st.grad, state);
        rows += to - from;
        weight += sliceWeight;
      }
      if (rows == 0) {
        return acc.addSums(sums, 0);
      }
      float scale = (float) weight;
      int n = w.length;
      float[] delta = new float[n * (1 + snap.slots().length)];
      for (int i = 0; i < n; i++) {
        delta[i] = scale * (w[i] - start[i]);
      }
      for (int j = 0; j < snap.slots().length; j++) {
        float[] before = snap.slots()[j];
        float[] after = state.slot(j);
        for (int i = 0; i < n; i++) {
          delta[(j + 1) * n + i] = scale * (after[i] - before[i]);
        }
      }
      return acc.add(delta, sums, rows, weight);
    }
  }
}
