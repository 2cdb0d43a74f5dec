package io.sparkmlp.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sync_every: auto}: chooses the local steps per synchronisation (k) from the jobs that
 * train, with no separate measurement. It starts with exact steps; every job reports its wall
 * time and its tasks' compute ({@link GradientSource#lastJob}), and after each one k becomes
 * {@link StepCost#syncEvery} of the estimates so far ({@link JobCostMeter}). As the JIT
 * compiles the kernel, the step's compute falls and k rises to what warm code needs; meanwhile
 * every job trains. At the end of the first epoch in which at least {@value #CHOOSING_JOBS}
 * jobs have been timed, k is fixed, logged, and from then on the run is exactly
 * {@code sync_every: k}. Every epoch's logs carry the k it ended with, so the choice lands in
 * the metrics. Checkpoints keep the fixed k, and a run resumed from one goes on with it, so it
 * ends with the weights the uninterrupted run would have (a checkpoint written before k was
 * fixed keeps none, and the resumed run chooses again). In-process, where steps need no job,
 * it takes exact steps.
 *
 * <p>The first epoch's k depends on the timings, so two runs from the same seed can differ;
 * a run that must repeat another's weights sets {@code sync_every} to a number.
 */
public final class AutoSteps implements StepStrategy {
  /** The key of the chosen k in each epoch's logs. */
  public static final String LOG_KEY = "sync_every";
  /**
   * Jobs timed before k is fixed (at the end of an epoch): enough for the JIT to have
   * compiled the step and for a job's noise to have been left out of the least.
   */
  static final int CHOOSING_JOBS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(AutoSteps.class);

  private final Trainable model;
  private final ExactSteps exact;
  private final JobCostMeter meter = new JobCostMeter();
  /** The k of each job while choosing, for the log line. */
  private final List<Integer> ramp = new ArrayList<>();
  private LocalSteps local;
  private int stepsPerEpoch;
  private int syncEvery = 1;
  private boolean fixed;
  private long startNanos;

  public AutoSteps(Trainable model) {
    this.model = model;
    this.exact = new ExactSteps(model);
  }

  @Override
  public void resume(Integer chosenSyncEvery) {
    if (chosenSyncEvery != null) {
      syncEvery = chosenSyncEvery;
      fixed = true;
    }
  }

  @Override
  public Integer chosenSyncEvery() {
    return fixed ? syncEvery : null;
  }

  @Override
  public void start(GradientSource source, int stepsPerEpoch) {
    this.stepsPerEpoch = stepsPerEpoch;
    this.local = new LocalSteps(model, StepCost.cap(stepsPerEpoch));
    this.startNanos = System.nanoTime();
    if (fixed) {
      LOG.info("sync_every auto: {}, as chosen before the checkpoint", syncEvery);
    }
  }

  /** The local steps per synchronisation: fixed, or the current choice while choosing. */
  public int syncEvery() {
    return syncEvery;
  }

  @Override
  public int span(int step, int steps) {
    return Math.min(syncEvery, steps - step);
  }

  @Override
  public StepSums take(GradientSource source, int epoch, int step, int span) {
    StepSums sums = span == 1 ? exact.take(source, epoch, step, span)
        : local.take(source, epoch, step, span);
    if (!fixed) {
      choose(source, step + span >= stepsPerEpoch);
    }
    return sums;
  }

  /** Counts the job just run and chooses k again; fixes it at an epoch's end once enough ran. */
  private void choose(GradientSource source, boolean epochEnd) {
    JobTiming timing = source.lastJob();
    if (timing == null) {
      fixed = true;  // in-process: no job to pay for
      return;
    }
    ramp.add(timing.steps());
    meter.add(timing);
    StepCost cost = meter.cost();
    if (LOG.isDebugEnabled()) {
      LOG.debug(String.format(Locale.ROOT, "sync_every auto: job %d took %d steps in %.1f ms, "
          + "%.1f ms of them computing", meter.jobs(), timing.steps(),
          timing.wallSeconds() * 1e3, timing.computeSeconds() * 1e3));
    }
    if (cost != null) {
      syncEvery = cost.syncEvery(stepsPerEpoch);
    }
    if (epochEnd && cost != null && meter.jobs() >= CHOOSING_JOBS) {
      fixed = true;
      LOG.info(String.format(Locale.ROOT, "sync_every auto: %d (%s over %d partitions; %d steps "
          + "per epoch; chosen over the first %d jobs, %.2f s, whose local steps went %s)",
          syncEvery, cost.describe(), source.numPartitions(), stepsPerEpoch, meter.jobs(),
          (System.nanoTime() - startNanos) / 1e9, runLengths(ramp)));
    }
  }

  /** "1×3, 8×2, 64×6": each k in order with the jobs that ran it. */
  static String runLengths(List<Integer> ks) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < ks.size(); ) {
      int j = i;
      while (j < ks.size() && ks.get(j).equals(ks.get(i))) {
        j++;
      }
      b.append(b.length() == 0 ? "" : ", ").append(ks.get(i)).append('×').append(j - i);
      i = j;
    }
    return b.toString();
  }

  @Override
  public Map<String, Double> epochLogs() {
    return Map.of(LOG_KEY, (double) syncEvery);
  }
}
