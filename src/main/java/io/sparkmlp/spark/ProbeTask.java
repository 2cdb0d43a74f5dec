package io.sparkmlp.spark;

import io.sparkmlp.model.OptimizerSnapshot;
import io.sparkmlp.model.Shard;
import io.sparkmlp.model.StepWorker;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The jobs that measure what a synchronisation and a step cost ({@link SparkSource#stepCost}).
 * None changes a weight: slices and dropout masks are functions of the seed, epoch, step and
 * partition, and every local step starts from the broadcast weights and optimizer state.
 *
 * <p>{@link #empty}: reads the broadcast weights and sends back a zero gradient of the network's
 * size from every partition without touching a row: Spark's fixed cost.
 *
 * <p>{@link #warmUp}: every partition takes one local step on its slice of step 0 of epoch 0
 * ({@link Shard#localSteps}: gradient, optimizer step, second-moment estimate) over and over,
 * until the JIT has compiled it: until the fastest repeat has not got 5% faster during the last
 * half of the time spent, after at least {@value #WARM_UP_REPEATS} repeats and
 * {@value #WARM_UP_MIN_SECONDS} s, at most {@value #WARM_UP_MAX_SECONDS} s (shortened in
 * proportion where partitions share a task slot). Every partition, because every executor JVM
 * compiles its own code: on the standalone cluster, with the first partition alone warmed, the
 * other executor's first repeats were timed at 378 ms a step. The JIT compiles by counts, so
 * repeats count, not only time (by time alone, the Vector API's uncompiled code ran at one slow
 * pace long enough to be taken for the founding example's step: 9 ms, a hundred times its warm
 * cost). This is warm-up training would otherwise pay in its first steps. Like the timing below,
 * it stops at once when a repeat is already fast enough for the choice to be made.
 *
 * <p>{@link #compute}: every partition repeats that local step a few times, timed inside the
 * task where no job's noise reaches the clock, and sends back, as its only sum, its fastest
 * repeat's seconds; all at once, as training runs them (two tasks on two cores each run slower
 * than one alone). It stops at once when a repeat takes at most {@code enoughSeconds}, fast
 * enough for the choice it feeds to be made whatever the exact figure.
 */
final class ProbeTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;
  /** A repeat counts as faster when it beats the fastest so far by this factor. */
  private static final double FASTER = 0.95;
  static final int WARM_UP_REPEATS = 64;
  static final double WARM_UP_MIN_SECONDS = 0.2;
  static final double WARM_UP_MAX_SECONDS = 2.0;
  static final int COMPUTE_REPEATS = 8;
  static final double COMPUTE_MIN_SECONDS = 0.05;
  static final double COMPUTE_MAX_SECONDS = 0.5;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Broadcast<RawFloats> params;
  private final Broadcast<Shipped<OptimizerSnapshot>> optimizer;
  private final int minRepeats;
  private final double minSeconds;
  private final double maxSeconds;
  private final double enoughSeconds;

  /** A job without compute: Spark's fixed cost. */
  static ProbeTask empty(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params) {
    return new ProbeTask(spec, params, null, 0, 0, 0, 0);
  }

  /**
   * The JIT's warm-up on every partition (see above); share (at most 1) shortens each
   * partition's time where several run one after the other in one task slot.
   */
  static ProbeTask warmUp(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params,
                          Broadcast<Shipped<OptimizerSnapshot>> optimizer, double share,
                          double enoughSeconds) {
    return new ProbeTask(spec, params, optimizer, WARM_UP_REPEATS, WARM_UP_MIN_SECONDS * share,
        WARM_UP_MAX_SECONDS * share, enoughSeconds);
  }

  /**
   * Times a local step on every partition; share (at most 1) shortens each partition's time
   * where several run one after the other in one task slot.
   */
  static ProbeTask compute(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params,
                           Broadcast<Shipped<OptimizerSnapshot>> optimizer, double share,
                           double enoughSeconds) {
    return new ProbeTask(spec, params, optimizer, COMPUTE_REPEATS,
        COMPUTE_MIN_SECONDS * share, COMPUTE_MAX_SECONDS * share, enoughSeconds);
  }

  private ProbeTask(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params,
                    Broadcast<Shipped<OptimizerSnapshot>> optimizer, int minRepeats,
                    double minSeconds, double maxSeconds, double enoughSeconds) {
    this.spec = spec;
    this.params = params;
    this.optimizer = optimizer;
    this.minRepeats = minRepeats;
    this.minSeconds = minSeconds;
    this.maxSeconds = maxSeconds;
    this.enoughSeconds = enoughSeconds;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value().get();
    Shard shard = PartitionCache.get(s, block);
    synchronized (shard) {
      float[] w = params.value().values();
      if (optimizer == null) {
        float[] grad = shard.gradientBuffer();
        Arrays.fill(grad, 0f);
        return acc.add(grad, new double[StepWorker.sumsLength(s.plan().metrics())], 0, 0);
      }
      return acc.addSums(new double[] {fastestRepeat(shard, w, optimizer.value().get())}, 0);
    }
  }

  /** Seconds of the fastest repeat of a local step, by the stopping rules above. */
  private double fastestRepeat(Shard shard, float[] w, OptimizerSnapshot state) {
    long start = System.nanoTime();
    long fastest = Long.MAX_VALUE;
    long improvedAt = start;
    long min = (long) (minSeconds * 1e9);
    long max = (long) (maxSeconds * 1e9);
    long enough = (long) (enoughSeconds * 1e9);
    for (int repeats = 1; ; repeats++) {
      long t0 = System.nanoTime();
      shard.localSteps(w, state, 0, 0, 1);
      long t1 = System.nanoTime();
      if (t1 - t0 < FASTER * fastest) {
        improvedAt = t1;
      }
      fastest = Math.min(fastest, t1 - t0);
      long spent = t1 - start;
      if (spent >= max || fastest <= enough
          || (repeats >= minRepeats && spent >= min && t1 - improvedAt >= spent / 2)) {
        return fastest / 1e9;
      }
    }
  }
}
