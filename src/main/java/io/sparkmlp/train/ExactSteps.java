package io.sparkmlp.train;

import io.sparkmlp.nn.Network;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exact synchronous steps: the summed gradient of the whole minibatch from the source, turned
 * into the mean (and the regulariser's gradient added) by {@link Network#finishGradient}, and
 * applied by the optimizer, on the driver. The same arithmetic in-process and on Spark.
 */
final class ExactSteps implements StepStrategy {
  /**
   * Jobs timed before an exact run decides whether to advise (or the first epoch's, where it
   * has fewer): enough for the JIT to have compiled the gradient, whose cold steps would hide
   * how much of the time the jobs take.
   */
  static final int ADVICE_JOBS = 32;
  private static final Logger LOG = LoggerFactory.getLogger(ExactSteps.class);

  private final Trainable model;
  private final float[] grad;
  /** Times the run's first jobs for the advice; null where it does not advise, or has. */
  private JobCostMeter meter;
  private int stepsPerEpoch;

  /** Exact steps that give no advice (the exact steps of the other strategies). */
  public ExactSteps(Trainable model) {
    this(model, false);
  }

  private ExactSteps(Trainable model, boolean advise) {
    this.model = model;
    this.grad = new float[model.params().length];
    this.meter = advise ? new JobCostMeter() : null;
  }

  /**
   * The strategy of {@code sync_every: 1}: it says once, near the start, when each step's job
   * costs more than {@link StepCost#ADVISE_RATIO} steps' compute, and which setting would help.
   */
  public static ExactSteps advising(Trainable model) {
    return new ExactSteps(model, true);
  }

  @Override
  public void start(GradientSource source, int stepsPerEpoch) {
    this.stepsPerEpoch = stepsPerEpoch;
  }

  @Override
  public int span(int step, int steps) {
    return 1;
  }

  @Override
  public StepSums take(GradientSource source, int epoch, int step, int span) {
    float[] params = model.params();
    StepSums sum = source.run(new Gradient(epoch, step), params, null, grad);
    DivergedException.checkLoss(sum, epoch, step);
    double penalty = sum.weight() * model.network().finishGradient(grad, sum.weight(), params);
    StepStrategy.stepping(model).step(params, grad, model.optimizerState());
    if (meter != null) {
      adviseOnce(source.lastJob(), step + 1 >= stepsPerEpoch);
    }
    return sum.withPenalty(penalty);
  }

  /** Each holder's gradient sum over its slice of step {@code step} ({@link Shard#gradient}). */
  private record Gradient(int epoch, int step) implements ShardJob {
    @Override
    public Part run(Shard shard, float[] params, OptimizerSnapshot optimizer, float[] into) {
      float[] grad = into != null ? into : shard.gradientBuffer();
      StepSums sum = shard.gradient(params, grad, epoch, step);
      return new Part(sum.rows() == 0 ? null : grad, sum);
    }
  }

  /**
   * Counts the job just run; after {@link #ADVICE_JOBS} (or the first epoch's end), warns if
   * jobs dominate, then stops timing. In-process (no job) there is nothing to advise.
   */
  private void adviseOnce(JobTiming timing, boolean epochEnd) {
    if (timing == null) {
      meter = null;
      return;
    }
    meter.add(timing);
    StepCost cost = meter.cost();
    if (cost == null || (meter.jobs() < ADVICE_JOBS && !epochEnd)) {
      return;
    }
    meter = null;
    if (cost.jobsDominate()) {
      LOG.warn(String.format(Locale.ROOT, "exact steps: each step's Spark job costs %s its "
          + "compute (%s); sync_every auto (here %d local steps per job) or a larger batch size "
          + "would spend the time computing", cost.describeRatio(), cost.describe(),
          cost.syncEvery(stepsPerEpoch)));
    }
  }
}
