package io.sparkmlp.model;

import io.sparkmlp.nn.Network;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact synchronous steps: the summed gradient of the whole minibatch from the source, turned
 * into the mean (and the regulariser's gradient added) by {@link Network#finishGradient}, and
 * applied by the optimizer, on the driver. The same arithmetic in-process and on Spark.
 */
public final class ExactSteps implements StepStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(ExactSteps.class);

  private final Sequential model;
  private final float[] grad;

  public ExactSteps(Sequential model) {
    this.model = model;
    this.grad = new float[model.params().length];
  }

  /**
   * Says once, at the start, when each step's job costs more than {@link StepCost#ADVISE_RATIO}
   * steps' compute, and which setting would help.
   */
  @Override
  public void start(GradientSource source, int stepsPerEpoch) {
    StepCost cost = source.stepCost(model.params(),
        OptimizerSnapshot.of(model.optimizer(), model.optimizerState()),
        StepCost.cap(stepsPerEpoch));
    if (cost != null && cost.jobsDominate()) {
      LOG.warn(String.format(Locale.ROOT, "exact steps: each step's Spark job costs %s its "
          + "compute (%s); sync_every auto (here %d local steps per job) or a larger batch size "
          + "would spend the time computing", cost.describeRatio(), cost.describe(),
          cost.syncEvery(stepsPerEpoch)));
    }
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
