package io.sparkmlp.train;

import io.sparkmlp.util.Checks;
import java.util.Locale;

/**
 * What one synchronisation costs against the work it carries, estimated from training's own
 * jobs ({@link JobCostMeter}): {@code jobSeconds}, a job's wall time less its tasks' compute
 * (Spark's fixed cost: the broadcast, scheduling, the partial sums' return), and
 * {@code computeSeconds}, one step's compute (its holders' slices, timed inside the tasks).
 * From these it picks the number of local steps per synchronisation, the rule of
 * {@code sync_every: auto}, and words the advice an exact run gets when jobs dominate.
 *
 * @param jobSeconds a job's wall time less its compute (the least of several)
 * @param computeSeconds one step's compute, at least 1 µs
 */
record StepCost(double jobSeconds, double computeSeconds) {
  /**
   * Auto gives k steps' compute at least this many times a job's cost, so that jobs take at
   * most a fifth of the time: k ≥ 4 · job / compute.
   */
  public static final int COMPUTE_PER_JOB = 4;
  /**
   * The most local steps between synchronisations auto chooses (and at most an epoch's steps):
   * beyond this the partitions' models drift apart for little gain in speed. Measured with
   * benchmarks/time-to-accuracy.sh and benchmarks/seed-example.sh: Fashion-MNIST ended within
   * 0.3 points of exact steps at 32 and 64, the founding example at 32, 64, 128 and 313 (one
   * synchronisation per epoch).
   */
  public static final int MAX_AUTO_SYNC_EVERY = 128;
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
   * Local steps per synchronisation so that they compute at least {@link #COMPUTE_PER_JOB}
   * times as long as the job costs, rounded up to a power of two, within
   * [1, min(MAX_AUTO_SYNC_EVERY, stepsPerEpoch)]. Powers of two make the choice a coarse one:
   * timings that differ by less than 2× from run to run (Spark's job cost varies that much)
   * mostly give the same k, and so the same weights.
   */
  public int syncEvery(int stepsPerEpoch) {
    double need = Math.ceil(COMPUTE_PER_JOB * ratio());
    int cap = cap(stepsPerEpoch);
    int k = 1;
    while (k < need && k < cap) {
      k *= 2;
    }
    return Math.min(k, cap);
  }

  /** The most local steps auto chooses in epochs of stepsPerEpoch steps. */
  public static int cap(int stepsPerEpoch) {
    return Math.max(1, Math.min(MAX_AUTO_SYNC_EVERY, stepsPerEpoch));
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
