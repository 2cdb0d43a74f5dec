package io.sparkmlp.train;

import io.sparkmlp.nn.Metric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * Logs of the training pass from summed loss and metrics: the sums divided by {@code total},
   * the row count, or the rows' weight sum when the sums are weighted.
   */
  public static Map<String, Double> training(double[] sums, double total, List<Metric> metrics) {
    Map<String, Double> logs = new LinkedHashMap<>();
    double n = total > 0 ? total : 1;  // only weight-0 rows so far: their sums are 0 too
    logs.put(LOSS, sums[0] / n);
    for (int m = 0; m < metrics.size(); m++) {
      logs.put(metrics.get(m).kerasName(), sums[1 + m] / n);
    }
    return logs;
  }
}
