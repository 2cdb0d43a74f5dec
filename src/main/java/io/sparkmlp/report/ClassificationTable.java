package io.sparkmlp.report;

import io.sparkmlp.nn.ConfusionMatrix.Measure;
import io.sparkmlp.nn.ConfusionMatrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A classifier's per-class report for people (a table like scikit-learn's
 * classification_report, the confusion matrix, ROC AUC) and its entries for the JSON line:
 * {@code precision}, {@code recall}, {@code f1}, {@code support} (lists by class index),
 * {@code macro_precision} ... {@code weighted_f1}, {@code confusion_matrix} (rows: true class,
 * columns: predicted) and {@code roc_auc} (binary problems only; null without both classes).
 */
public final class ClassificationTable {
  private ClassificationTable() {}

  /** The report as text; rocAuc null leaves its line out. */
  public static String table(ConfusionMatrix m, Double rocAuc) {
    int k = m.classes();
    StringBuilder sb = new StringBuilder();
    String row = "%-12s  %9s  %9s  %9s  %9s%n";
    sb.append(String.format(Locale.ROOT, row, "class", "precision", "recall", "f1", "support"));
    for (int c = 0; c < k; c++) {
      sb.append(String.format(Locale.ROOT, "%-12s  %9.4f  %9.4f  %9.4f  %9s%n", c,
          m.precision(c), m.recall(c), m.f1(c), count(m.support(c))));
    }
    for (String avg : new String[] {"macro avg", "weighted avg"}) {
      boolean macro = avg.startsWith("macro");
      sb.append(String.format(Locale.ROOT, "%-12s  %9.4f  %9.4f  %9.4f  %9s%n", avg,
          macro ? m.macro(Measure.PRECISION) : m.weighted(Measure.PRECISION),
          macro ? m.macro(Measure.RECALL) : m.weighted(Measure.RECALL),
          macro ? m.macro(Measure.F1) : m.weighted(Measure.F1), count(m.total())));
    }
    sb.append("confusion matrix (rows: true class, columns: predicted class)\n");
    Object[][] counts = counts(m);
    int width = 1;
    for (Object[] r : counts) {
      for (Object v : r) {
        width = Math.max(width, v.toString().length());
      }
    }
    width = Math.max(width, Integer.toString(k - 1).length());
    String cell = " %" + width + "s";
    sb.append(String.format(Locale.ROOT, "%" + (width + 1) + "s", ""));
    for (int c = 0; c < k; c++) {
      sb.append(String.format(Locale.ROOT, cell, c));
    }
    sb.append('\n');
    for (int a = 0; a < k; a++) {
      sb.append(String.format(Locale.ROOT, "%" + width + "s:", a));
      for (Object v : counts[a]) {
        sb.append(String.format(Locale.ROOT, cell, v));
      }
      sb.append('\n');
    }
    if (rocAuc != null) {
      sb.append(rocAuc.isNaN() ? "roc_auc  undefined: the labels hold one class only\n"
          : String.format(Locale.ROOT, "roc_auc  %.6f%n", rocAuc));
    }
    return sb.toString();
  }

  /** The report's JSON entries, in the order the text shows them. */
  public static Map<String, Object> entries(ConfusionMatrix m, Double rocAuc) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("precision", perClass(m, Measure.PRECISION));
    out.put("recall", perClass(m, Measure.RECALL));
    out.put("f1", perClass(m, Measure.F1));
    List<Object> support = new ArrayList<>();
    for (int c = 0; c < m.classes(); c++) {
      support.add(count(m.support(c)));
    }
    out.put("support", support);
    for (Measure measure : Measure.values()) {
      out.put("macro_" + name(measure), m.macro(measure));
    }
    for (Measure measure : Measure.values()) {
      out.put("weighted_" + name(measure), m.weighted(measure));
    }
    out.put("confusion_matrix", counts(m));
    if (rocAuc != null) {
      out.put("roc_auc", rocAuc.isNaN() ? null : rocAuc);
    }
    return out;
  }

  private static List<Double> perClass(ConfusionMatrix m, Measure measure) {
    List<Double> values = new ArrayList<>();
    for (int c = 0; c < m.classes(); c++) {
      values.add(m.of(measure, c));
    }
    return values;
  }

  /** The matrix's cells as {@link #count}s. */
  private static Object[][] counts(ConfusionMatrix m) {
    double[][] weights = m.toArray();
    Object[][] out = new Object[weights.length][];
    for (int a = 0; a < weights.length; a++) {
      out[a] = new Object[weights[a].length];
      for (int p = 0; p < weights[a].length; p++) {
        out[a][p] = count(weights[a][p]);
      }
    }
    return out;
  }

  /**
   * A count as the report shows it: a whole number (a Long, so the text and the JSON show no
   * decimal point; counted rows always are), else the summed weight as it is.
   */
  private static Object count(double v) {
    return v == Math.rint(v) && Math.abs(v) < 0x1p53 ? (Object) (long) v : (Object) v;
  }

  private static String name(Measure m) {
    return m.name().toLowerCase(Locale.ROOT);
  }
}
