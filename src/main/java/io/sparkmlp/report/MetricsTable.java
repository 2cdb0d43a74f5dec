package io.sparkmlp.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;

/** Metrics as a table for people, on one line for logs, and as JSON for programs. */
public final class MetricsTable {
  private MetricsTable() {}

  public static String table(Map<String, Double> metrics) {
    int width = Math.max(6, metrics.keySet().stream().mapToInt(String::length).max().orElse(0));
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %s%n",
        "metric", "value"));
    metrics.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-" + width + "s  %.6f%n",
        k, v)));
    return sb.toString();
  }

  public static String inline(Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    metrics.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " - ")
        .append(String.format(Locale.ROOT, "%s: %.4f", k, v)));
    return sb.toString();
  }

  public static String json(Map<String, Double> metrics) {
    try {
      return new ObjectMapper().writeValueAsString(metrics);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
