package io.sparkmlp.train;

/**
 * What one synchronisation (a Spark job) took, as its gradient source timed it: the job's wall
 * time on the driver, broadcast and aggregation included, and the part of it its tasks spent
 * computing (each task's compute, timed inside the task, summed over partitions and divided by
 * the task slots that ran them at once). Their difference is Spark's fixed cost.
 *
 * @param wallSeconds the job's wall time on the driver
 * @param computeSeconds the tasks' compute spread over the slots that ran at once
 * @param steps the steps the job took (local steps per synchronisation; 1 for an exact step)
 */
public record JobTiming(double wallSeconds, double computeSeconds, int steps) {
  /** Spark's cost of the job: its wall time less its compute, at least 0. */
  public double overheadSeconds() {
    return Math.max(0, wallSeconds - computeSeconds);
  }

  /** One step's compute: the job's compute over its steps. */
  public double stepSeconds() {
    return computeSeconds / steps;
  }
}
