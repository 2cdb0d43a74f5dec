package io.sparkmlp.spark;

import io.sparkmlp.model.OptimizerSnapshot;
import io.sparkmlp.model.Shard;
import io.sparkmlp.model.StepWorker;
import java.util.Arrays;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The jobs that measure what a synchronisation and a step cost ({@link SparkSource#stepCost}).
 *
 * <p>Without a compute budget it reads the broadcast weights and sends back a zero gradient of
 * the network's size from every partition without touching a row: Spark's fixed cost.
 *
 * <p>With one, every partition takes one local step on its slice of step 0 of epoch 0
 * ({@link Shard#localSteps}: the gradient, the optimizer's step, and the second moments'
 * estimate where the optimizer has them) over and over, always from the broadcast weights and
 * state, and times each repeat inside the task, where no job's noise reaches the clock; it sends
 * back, as its only sum, the fastest repeat's seconds. It stops once the fastest has not got 5%
 * faster during the last half of the time spent, after at least {@link #MIN_REPEATS} repeats and
 * {@code minSeconds}, and at the latest after {@code maxSeconds}: then the JIT has compiled the
 * kernel. Cold, the first repeats of a 784-256-128-10 step take 10-500 times the warm cost, and
 * the Vector API's uncompiled code can run at one slow pace for a few hundred milliseconds
 * before the compiled one takes over (a time limit alone took the founding example's step for
 * 9 ms, a hundred times its warm cost); the JIT compiles by counts, so the repeats count too.
 * It stops at once when a repeat takes at most {@code enoughSeconds}, fast enough for the
 * choice it feeds to be made whatever the exact figure. The repeats are the JIT
 * warm-up training would otherwise pay in its first steps; they change no weight, since slices
 * and dropout masks are functions of the seed, epoch, step and partition.
 */
final class ProbeTask implements Function2<GradientSum, Block, GradientSum> {
  private static final long serialVersionUID = 1L;
  /** A repeat counts as faster when it beats the fastest so far by this factor. */
  private static final double FASTER = 0.95;
  /** The fewest repeats before the fastest counts (unless maxSeconds runs out first). */
  static final int MIN_REPEATS = 64;

  private final Broadcast<Shipped<TrainingSpec>> spec;
  private final Broadcast<RawFloats> params;
  private final Broadcast<Shipped<OptimizerSnapshot>> optimizer;
  private final double minSeconds;
  private final double maxSeconds;
  private final double enoughSeconds;

  /** A job without compute: Spark's fixed cost. */
  static ProbeTask empty(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params) {
    return new ProbeTask(spec, params, null, 0, 0, 0);
  }

  /** Times a local step per partition for between minSeconds and maxSeconds (see above). */
  static ProbeTask compute(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params,
                           Broadcast<Shipped<OptimizerSnapshot>> optimizer, double minSeconds,
                           double maxSeconds, double enoughSeconds) {
    return new ProbeTask(spec, params, optimizer, minSeconds, maxSeconds, enoughSeconds);
  }

  private ProbeTask(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params,
                    Broadcast<Shipped<OptimizerSnapshot>> optimizer, double minSeconds,
                    double maxSeconds, double enoughSeconds) {
    this.enoughSeconds = enoughSeconds;
    this.spec = spec;
    this.params = params;
    this.optimizer = optimizer;
    this.minSeconds = minSeconds;
    this.maxSeconds = maxSeconds;
  }

  @Override
  public GradientSum call(GradientSum acc, Block block) {
    TrainingSpec s = spec.value().get();
    Shard shard = PartitionCache.get(s, block);
    synchronized (shard) {
      float[] grad = shard.gradientBuffer();
      float[] w = params.value().values();
      if (maxSeconds == 0) {
        Arrays.fill(grad, 0f);
        return acc.add(grad, new double[StepWorker.sumsLength(s.plan().metrics())], 0, 0);
      }
      return acc.addSums(new double[] {fastestRepeat(shard, w, optimizer.value().get())}, 0);
    }
  }

  /** Seconds of the fastest repeat of a local step, by the stopping rule above. */
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
          || (repeats >= MIN_REPEATS && spent >= min && t1 - improvedAt >= spent / 2)) {
        return fastest / 1e9;
      }
    }
  }
}
