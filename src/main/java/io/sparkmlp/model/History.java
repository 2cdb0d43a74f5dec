package io.sparkmlp.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fit} returns: per epoch, the logged values under Keras's names ({@code loss},
 * {@code accuracy}, {@code val_loss}, {@code val_accuracy}, ...) plus {@code seconds} and
 * {@code samples_per_second}, and why training stopped.
 */
public final class History {
  private final List<Map<String, Double>> epochs = new ArrayList<>();
  private String stopReason = "completed all epochs";

  /** Records one epoch's logs (copied, in order). */
  public void add(Map<String, Double> logs) {
    epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
  }

  /** Number of epochs run. */
  public int size() {
    return epochs.size();
  }

  /** The logs of epoch e (0-based). */
  public Map<String, Double> epoch(int e) {
    return epochs.get(e);
  }

  /** All values of one key, epoch by epoch (Keras's history.history[key]). */
  public List<Double> get(String key) {
    List<Double> values = new ArrayList<>();
    for (Map<String, Double> e : epochs) {
      if (!e.containsKey(key)) {
        throw new IllegalArgumentException("history has no '" + key + "'; it has "
            + (epochs.isEmpty() ? "no epochs" : e.keySet()));
      }
      values.add(e.get(key));
    }
    return values;
  }

  /** The last epoch's value of key. */
  public double last(String key) {
    List<Double> v = get(key);
    if (v.isEmpty()) {
      throw new IllegalStateException("history is empty");
    }
    return v.get(v.size() - 1);
  }

  /** Every key any epoch logged, in first-seen order. */
  public List<String> keys() {
    LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
    for (Map<String, Double> e : epochs) {
      e.keySet().forEach(k -> keys.put(k, true));
    }
    return new ArrayList<>(keys.keySet());
  }

  public String stopReason() {
    return stopReason;
  }

  void stopReason(String reason) {
    this.stopReason = reason;
  }
}
