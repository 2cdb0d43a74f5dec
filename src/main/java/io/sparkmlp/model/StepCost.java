package io.sparkmlp.model;

import io.sparkmlp.util.Checks;
import java.util.Locale;

/**
 * What one synchronisation costs against the work it carries, measured on the gradient source
 * before training: {@code jobSeconds}, a job that broadcasts the weights and sums
 * gradient-sized results from every holder without computing anything (Spark's fixed cost),
 * and {@code computeSeconds}, what one step's compute adds to it (the slowest holder's slice).
 * From these it picks the number of local steps per synchronisation, the rule of
 * {@code sync_every: auto}, and words the advice an exact run gets when jobs dominate.
 *
 * @param jobSeconds wall time of a job without compute (the fastest of a few)
 * @param computeSeconds wall time of an exact step (the fastest of a few) minus jobSeconds,
 *     at least 1 µs
 */
public record StepCost(double jobSeconds, double computeSeconds) {
  /**
   * Auto gives k steps' compute at least this many times a job's cost, so that jobs take at
   * most a fifth of the time: k ≥ 4 · job / compute.
   */
  public static final int COMPUTE_PER_JOB = 4;
  /**
   * The most local steps between synchronisations auto chooses: beyond this the partitions'
   * models drift apart for little gain in speed (on Fashion-MNIST 32 reached 88% sooner than
   * 8 and ended no worse than exact steps; see benchmarks/time-to-accuracy.sh).
   */
  public static final int MAX_AUTO_SYNC_EVERY = 32;
  /** An exact run whose job costs more than this many steps' compute is told so. */
  public static final double ADVISE_RATIO = 4;

  public StepCost {
    Checks.argument(jobSeconds >= 0 && Double.isFinite(jobSeconds),
        "jobSeconds must be finite and >= 0, got %s", jobSeconds);
    computeSeconds = Math.max(computeSeconds, 1e-6);
  }

  /** The job's cost in steps of compute. */
  public double ratio() {
    return jobSeconds / computeSeconds;
  }

  /**
   * Local steps per synchronisation so that they compute {@link #COMPUTE_PER_JOB} times as long
   * as the job costs, within [1, min(MAX_AUTO_SYNC_EVERY, stepsPerEpoch)].
   */
  public int syncEvery(int stepsPerEpoch) {
    double k = Math.ceil(COMPUTE_PER_JOB * ratio());
    int cap = Math.max(1, Math.min(MAX_AUTO_SYNC_EVERY, stepsPerEpoch));
    return (int) Math.max(1, Math.min(cap, k));
  }

  /** Whether an exact run should be told that jobs dominate its time. */
  public boolean jobsDominate() {
    return ratio() > ADVISE_RATIO;
  }

  /** "job 18.2 ms, compute 1.500 ms per step". */
  public String describe() {
    return String.format(Locale.ROOT, "job %.1f ms, compute %.3f ms per step",
        jobSeconds * 1e3, computeSeconds * 1e3);
  }

  /** "12 times", or "over 100 times" where the compute is too small to time well. */
  public String describeRatio() {
    return ratio() >= 100 ? "over 100 times" : String.format(Locale.ROOT, "%.0f times", ratio());
  }
}
