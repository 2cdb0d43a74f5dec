package io.sparkmlp.model;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync_every: auto}: before the first step, measures what a synchronisation costs and
 * what a step computes ({@link GradientSource#stepCost}), picks the local steps per
 * synchronisation by {@link StepCost#syncEvery}, logs the choice, and from then on is exactly
 * {@code sync_every: k} ({@link ExactSteps} for 1, else {@link LocalSteps}): the measurement
 * changes no weight, so a run with the logged k set by hand gives the same weights. Every epoch's
 * logs carry {@code sync_every}, so the choice lands in the metrics. Checkpoints keep k, and a
 * run resumed from one goes on with it without measuring, so it ends with the weights the
 * uninterrupted run would have (a checkpoint written before k was kept measures again).
 */
public final class AutoSteps implements StepStrategy {
  /** The key of the chosen k in each epoch's logs. */
  public static final String LOG_KEY = "sync_every";
  private static final Logger LOG = LoggerFactory.getLogger(AutoSteps.class);

  private final Sequential model;
  private StepStrategy chosen;
  private int syncEvery;

  public AutoSteps(Sequential model) {
    this.model = model;
  }

  @Override
  public void resume(Integer chosenSyncEvery) {
    if (chosenSyncEvery != null) {
      syncEvery = chosenSyncEvery;
    }
  }

  @Override
  public Integer chosenSyncEvery() {
    return syncEvery;
  }

  @Override
  public void start(GradientSource source, int stepsPerEpoch) {
    if (syncEvery > 0) {
      chosen = StepStrategy.of(model, syncEvery);
      LOG.info("sync_every auto: {}, as chosen before the checkpoint", syncEvery);
      return;
    }
    long t0 = System.nanoTime();
    StepCost cost = source.stepCost(model.params(),
        OptimizerSnapshot.of(model.optimizer(), model.optimizerState()),
        StepCost.cap(stepsPerEpoch));
    syncEvery = cost == null ? 1 : cost.syncEvery(stepsPerEpoch);
    chosen = StepStrategy.of(model, syncEvery);
    if (cost != null) {
      LOG.info(String.format(Locale.ROOT, "sync_every auto: %d (%s over %d partitions; %d steps "
          + "per epoch; measured in %.2f s)", syncEvery, cost.describe(), source.numPartitions(),
          stepsPerEpoch, (System.nanoTime() - t0) / 1e9));
    }
  }

  /** The chosen local steps per synchronisation; 0 before {@link #start}. */
  public int syncEvery() {
    return syncEvery;
  }

  @Override
  public int span(int step, int steps) {
    return chosen.span(step, steps);
  }

  @Override
  public StepSums take(GradientSource source, int epoch, int step, int span) {
    return chosen.take(source, epoch, step, span);
  }

  @Override
  public Map<String, Double> epochLogs() {
    return Map.of(LOG_KEY, (double) syncEvery);
  }
}
