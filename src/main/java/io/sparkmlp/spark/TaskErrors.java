package io.sparkmlp.spark;

/**
 * Bad data found inside a task reaches the driver wrapped in Spark's job-failure exception,
 * whose message is a screenful of stage details. This digs out the caller's mistake
 * (IllegalArgumentException) so it can be reported as the one line it is.
 */
public final class TaskErrors {
  private TaskErrors() {}

  /** The first IllegalArgumentException in t's cause chain, or null. */
  public static IllegalArgumentException badInput(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof IllegalArgumentException iae) {
        return iae;
      }
    }
    return null;
  }

  /** Runs a job; a task's IllegalArgumentException is rethrown as itself, on the driver. */
  public static <T> T rethrowBadInput(java.util.function.Supplier<T> job) {
    try {
      return job.get();
    } catch (Exception e) {  // SparkException is checked, but Scala throws it all the same
      IllegalArgumentException bad = e instanceof IllegalArgumentException ? null : badInput(e);
      if (bad != null) {
        throw new IllegalArgumentException(bad.getMessage(), e);
      }
      throw e;
    }
  }
}
