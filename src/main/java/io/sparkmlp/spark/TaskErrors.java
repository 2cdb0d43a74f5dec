package io.sparkmlp.spark;

/**
 * Bad data found inside a task reaches the driver wrapped in Spark's job-failure exception,
 * whose message is a screenful of stage details. This digs out the caller's mistake
 * (IllegalArgumentException) so it can be reported as the one line it is.
 */
public final class TaskErrors {
  private TaskErrors() {}

  /**
   * The first IllegalArgumentException in t's cause chain that sparkmlp threw, or null. One
   * thrown by Spark or a library (Kryo's "Class is not registered", say) is a problem of the
   * cluster's setup, not of the data, and must not be reported as one.
   */
  public static IllegalArgumentException badInput(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof IllegalArgumentException iae && thrownBySparkmlp(iae)) {
        return iae;
      }
    }
    return null;
  }

  /**
   * Whether sparkmlp's code threw e: the first frame outside the JDK (which throws, say, a
   * NumberFormatException for sparkmlp's parser) is sparkmlp's. No trace at all counts as ours.
   */
  private static boolean thrownBySparkmlp(Throwable e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      String c = frame.getClassName();
      if (!(c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun."))) {
        return c.startsWith("io.sparkmlp.");
      }
    }
    return true;
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
