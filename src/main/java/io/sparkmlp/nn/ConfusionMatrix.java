package io.sparkmlp.nn;

import io.sparkmlp.util.Checks;
import java.io.Serializable;

/**
 * Counts of (true class, predicted class) pairs over k classes, and the per-class precision,
 * recall and F1 they give, with macro and weighted averages. Rows are counted, not weighted.
 * A ratio whose denominator is 0 (a class never predicted, or never present) is 0, as MLlib's
 * {@code MulticlassMetrics} and scikit-learn's default have it. Averages run over the classes
 * that occur in the labels or the predictions (scikit-learn's rule); the weighted average
 * weighs each class by its support, the rows whose true class it is. Partial matrices from
 * several partitions {@link #merge} into one.
 */
public final class ConfusionMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int classes;
  /** counts[actual * classes + predicted]. */
  private final long[] counts;

  public ConfusionMatrix(int classes) {
    Checks.argument(classes >= 2, "a confusion matrix needs >= 2 classes, got %s", classes);
    this.classes = classes;
    this.counts = new long[classes * classes];
  }

  /** A matrix from counts[actual][predicted] (square, k >= 2). */
  public static ConfusionMatrix of(long[][] counts) {
    ConfusionMatrix m = new ConfusionMatrix(counts.length);
    for (int a = 0; a < counts.length; a++) {
      Checks.argument(counts[a].length == counts.length, "confusion row %s has %s counts, "
          + "expected %s", a, counts[a].length, counts.length);
      System.arraycopy(counts[a], 0, m.counts, a * counts.length, counts.length);
    }
    return m;
  }

  public int classes() {
    return classes;
  }

  /** Counts one row whose true class is actual and predicted class is predicted. */
  public void add(int actual, int predicted) {
    Checks.argument(actual >= 0 && actual < classes, "true class %s is outside 0..%s", actual,
        classes - 1);
    counts[actual * classes + predicted]++;
  }

  /** Adds other's counts into this matrix and returns this one. */
  public ConfusionMatrix merge(ConfusionMatrix other) {
    Checks.argument(other.classes == classes, "cannot merge a %s-class confusion matrix into "
        + "a %s-class one", other.classes, classes);
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    return this;
  }

  public long count(int actual, int predicted) {
    return counts[actual * classes + predicted];
  }

  /** Rows whose true class is c. */
  public long support(int c) {
    long n = 0;
    for (int p = 0; p < classes; p++) {
      n += count(c, p);
    }
    return n;
  }

  /** Rows predicted as c. */
  public long predictedAs(int c) {
    long n = 0;
    for (int a = 0; a < classes; a++) {
      n += count(a, c);
    }
    return n;
  }

  public long total() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** Correct predictions over all rows (0 for no rows). */
  public double accuracy() {
    long hits = 0;
    for (int c = 0; c < classes; c++) {
      hits += count(c, c);
    }
    return ratio(hits, total());
  }

  /** Of the rows predicted as c, the fraction whose true class is c. */
  public double precision(int c) {
    return ratio(count(c, c), predictedAs(c));
  }

  /** Of the rows whose true class is c, the fraction predicted as c. */
  public double recall(int c) {
    return ratio(count(c, c), support(c));
  }

  /** The harmonic mean of precision and recall, 0 when both are. */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Whether class c occurs in the labels or the predictions: the classes averages cover. */
  public boolean occurs(int c) {
    return support(c) > 0 || predictedAs(c) > 0;
  }

  /** The three per-class measures, by name, for the averages. */
  public enum Measure { PRECISION, RECALL, F1 }

  public double of(Measure m, int c) {
    return switch (m) {
      case PRECISION -> precision(c);
      case RECALL -> recall(c);
      case F1 -> f1(c);
    };
  }

  /** The unweighted mean of a measure over the classes that occur. */
  public double macro(Measure m) {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < classes; c++) {
      if (occurs(c)) {
        sum += of(m, c);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** The mean of a measure over the classes, each weighted by its support. */
  public double weighted(Measure m) {
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += support(c) * of(m, c);
    }
    return ratio(sum, total());
  }

  /** The counts as rows of true classes, columns of predicted ones. */
  public long[][] toArray() {
    long[][] a = new long[classes][classes];
    for (int r = 0; r < classes; r++) {
      System.arraycopy(counts, r * classes, a[r], 0, classes);
    }
    return a;
  }

  private static double ratio(double num, double den) {
    return den == 0 ? 0 : num / den;
  }
}
