package io.sparkmlp.model;

import io.sparkmlp.nn.Network;

/**
 * Exact synchronous steps: the summed gradient of the whole minibatch from the source, turned
 * into the mean (and the regulariser's gradient added) by {@link Network#finishGradient}, and
 * applied by the optimizer, on the driver. The same arithmetic in-process and on Spark.
 */
public final class ExactSteps implements StepStrategy {
  private final Sequential model;
  private final float[] grad;

  public ExactSteps(Sequential model) {
    this.model = model;
    this.grad = new float[model.params().length];
  }

  @Override
  public int span(int step, int steps) {
    return 1;
  }

  @Override
  public StepSums take(GradientSource source, int epoch, int step, int span) {
    float[] params = model.params();
    StepSums sum = source.gradient(params, epoch, step, grad);
    DivergedException.checkLoss(sum, epoch, step);
    double penalty = sum.weight() * model.network().finishGradient(grad, sum.weight(), params);
    model.optimizer().step(params, grad, model.optimizerState());
    return sum.withPenalty(penalty);
  }
}
