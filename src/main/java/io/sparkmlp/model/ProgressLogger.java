package io.sparkmlp.model;

import io.sparkmlp.train.Logs;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one Keras-like line per epoch at INFO:
 * {@code Epoch 3/10 - 1875 steps - 1.2s - 48,900 samples/s - loss: 0.3521 - accuracy: 0.8712}.
 * Keras prints it; a library that runs inside Spark applications logs it instead, so that it
 * lands in the driver's log with a timestamp and obeys the application's log configuration
 * (SLF4J is on Spark's classpath, bound to its log4j2).
 */
public final class ProgressLogger implements Callback {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressLogger.class);

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    if (LOG.isInfoEnabled()) {
      LOG.info(format(epoch, control.epochs(), logs));
    }
  }

  /** The line for one epoch; keys "seconds", "samples_per_second", "steps" go up front. */
  public static String format(int epoch, int epochs, Map<String, Double> logs) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Epoch %d/%d", epoch + 1, epochs));
    if (logs.containsKey(Logs.STEPS)) {
      sb.append(String.format(Locale.ROOT, " - %d steps", logs.get(Logs.STEPS).longValue()));
    }
    return sb.append(details(logs)).toString();
  }

  /** The part after the epoch and steps: " - 1.23s - 48,900 samples/s - loss: 0.3521 ...". */
  public static String details(Map<String, Double> logs) {
    StringBuilder sb = new StringBuilder();
    if (logs.containsKey(Logs.SECONDS)) {
      sb.append(String.format(Locale.ROOT, " - %.2fs", logs.get(Logs.SECONDS)));
    }
    if (logs.containsKey(Logs.SAMPLES_PER_SECOND)) {
      sb.append(String.format(Locale.ROOT, " - %,.0f samples/s",
          logs.get(Logs.SAMPLES_PER_SECOND)));
    }
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      if (!Logs.isTiming(e.getKey())) {
        sb.append(String.format(Locale.ROOT, " - %s: %.4f", e.getKey(), e.getValue()));
      }
    }
    return sb.toString();
  }
}
