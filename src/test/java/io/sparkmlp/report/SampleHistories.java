package io.sparkmlp.report;

import io.sparkmlp.model.History;
import java.util.LinkedHashMap;
import java.util.Map;

/** Histories shaped like real runs (Fashion-MNIST, 784-256-128-10, Adam) for the report tests. */
final class SampleHistories {
  private SampleHistories() {}

  /** epochs epochs of loss, accuracy, val_loss, val_accuracy and the timing entries. */
  static History fashionMnist(int epochs) {
    History h = new History();
    for (int e = 0; e < epochs; e++) {
      double t = e + 1;
      Map<String, Double> logs = new LinkedHashMap<>();
      logs.put("loss", 0.28 + 0.24 / t);
      logs.put("accuracy", 0.90 - 0.08 / t);
      logs.put("val_loss", 0.33 + 0.12 / t + 0.004 * e);
      logs.put("val_accuracy", 0.885 - 0.05 / t - 0.0008 * e);
      logs.put("steps", 469.0);
      logs.put("seconds", 0.41 + 0.01 * (e % 3));
      logs.put("samples_per_second", 60_000 / (0.41 + 0.01 * (e % 3)));
      h.add(logs);
    }
    return h;
  }

  /** A regression run: loss and mean_absolute_error, no validation. */
  static History regression(int epochs) {
    History h = new History();
    for (int e = 0; e < epochs; e++) {
      Map<String, Double> logs = new LinkedHashMap<>();
      logs.put("loss", 12.0 / (e + 1) + 0.5);
      logs.put("mean_absolute_error", 2.4 / Math.sqrt(e + 1) + 0.3);
      logs.put("seconds", 0.2);
      h.add(logs);
    }
    return h;
  }
}
