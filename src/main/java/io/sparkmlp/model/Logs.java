package io.sparkmlp.model;

/** Names of the per-epoch log entries that are not metrics. */
public final class Logs {
  private Logs() {}

  public static final String LOSS = "loss";
  public static final String VAL_PREFIX = "val_";
  public static final String SECONDS = "seconds";
  public static final String SAMPLES_PER_SECOND = "samples_per_second";
  public static final String STEPS = "steps";

  /** True for the timing entries, which are not model quality measures. */
  public static boolean isTiming(String key) {
    return key.equals(SECONDS) || key.equals(SAMPLES_PER_SECOND) || key.equals(STEPS);
  }
}
