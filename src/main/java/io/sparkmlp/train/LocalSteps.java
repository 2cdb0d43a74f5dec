package io.sparkmlp.train;

import io.sparkmlp.optim.OptimizerState;

/**
 * Local steps with averaging: every holder of rows takes k steps on its own slices from the
 * same weights and optimizer state ({@link Shard#localSteps}), and the driver applies the mean
 * of their parameter and optimizer-slot changes, weighted by their rows (by the rows' total
 * weight for weighted data). A group of one step (the end of an epoch) is an exact step.
 */
final class LocalSteps implements StepStrategy {
  private final Trainable model;
  private final int syncEvery;
  private final ExactSteps exact;
  private float[] change;

  public LocalSteps(Trainable model, int syncEvery) {
    this.model = model;
    this.syncEvery = syncEvery;
    this.exact = new ExactSteps(model);
  }

  @Override
  public int span(int step, int steps) {
    return Math.min(syncEvery, steps - step);
  }

  @Override
  public StepSums take(GradientSource source, int epoch, int step, int k) {
    if (k == 1) {
      return exact.take(source, epoch, step, k);
    }
    float[] params = model.params();
    OptimizerState state = model.optimizerState();
    int n = params.length;
    if (change == null || change.length != n * (1 + state.numSlots())) {
      change = new float[n * (1 + state.numSlots())];
    }
    StepSums sum = source.run(new Steps(epoch, step, k), params,
        OptimizerSnapshot.of(StepStrategy.stepping(model), state), change);
    DivergedException.checkLoss(sum, epoch, step);
    if (sum.weight() > 0) {
      float inv = (float) (1.0 / sum.weight());
      for (int i = 0; i < n; i++) {
        params[i] += change[i] * inv;
      }
      float[][] slots = new float[state.numSlots()][];
      for (int j = 0; j < slots.length; j++) {
        slots[j] = state.slot(j);
        for (int i = 0; i < n; i++) {
          slots[j][i] += change[(j + 1) * n + i] * inv;
        }
      }
      model.optimizerState(new OptimizerState(state.step() + k, slots));
    }
    return sum;
  }

  /**
   * Steps {@code firstStep .. firstStep+k-1} on each holder's own slices: its weighted change
   * of the parameters then of each optimizer slot ({@link Shard#localSteps}).
   */
  private record Steps(int epoch, int firstStep, int k) implements ShardJob {
    @Override
    public Part run(Shard shard, float[] params, OptimizerSnapshot optimizer, float[] into) {
      return shard.localSteps(params, optimizer, epoch, firstStep, k);
    }

    @Override
    public int steps() {
      return k;
    }
  }
}
