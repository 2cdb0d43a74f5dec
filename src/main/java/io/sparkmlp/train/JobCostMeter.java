package io.sparkmlp.train;

/**
 * Running estimates, from the jobs training runs anyway, of what a synchronisation costs and
 * what a step computes ({@link StepCost}): Spark's cost is the least of the jobs' wall time
 * less their tasks' compute, a step's compute the least per step. Least, because other work on
 * the machine only ever adds time, and because the JIT makes the first steps slow: as it
 * compiles, the step's estimate falls toward the warm cost. The first {@value #SETUP_JOBS} jobs
 * do not count toward Spark's cost: they load classes and set the partitions' shards up
 * outside the timed compute (Fashion-MNIST's first job took over 100 ms against 50 ms after).
 */
final class JobCostMeter {
  static final int SETUP_JOBS = 2;

  private int jobs;
  private double jobSeconds = Double.POSITIVE_INFINITY;
  private double stepSeconds = Double.POSITIVE_INFINITY;

  /** Counts one job's timing. */
  void add(JobTiming timing) {
    jobs++;
    stepSeconds = Math.min(stepSeconds, timing.stepSeconds());
    if (jobs > SETUP_JOBS) {
      jobSeconds = Math.min(jobSeconds, timing.overheadSeconds());
    }
  }

  /** Jobs counted so far. */
  int jobs() {
    return jobs;
  }

  /** The estimate so far; null until a job after the set-up ones has been counted. */
  StepCost cost() {
    return jobs > SETUP_JOBS ? new StepCost(jobSeconds, stepSeconds) : null;
  }
}
