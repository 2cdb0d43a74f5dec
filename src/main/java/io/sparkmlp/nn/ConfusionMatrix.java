package io.sparkmlp.nn;

import io.sparkmlp.util.Checks;
import java.io.Serializable;
import java.util.function.IntToDoubleFunction;

/**
 * The summed weights of (true class, predicted class) pairs over k classes (each row weighs its
 * sample weight, or 1 when rows are counted), and the per-class measures they give: precision,
 * recall (the true positive rate), F-measure with any beta, the false positive rate, with
 * macro and weighted averages. The definitions are MLlib's {@code MulticlassMetrics}, which the
 * ML summary promises: precision and F-measure are 0 where their denominator is (a class never
 * predicted; precision and recall both 0); recall is 0 for a class absent from the labels; the
 * false positive rate of a class is NaN when every row has it (no negatives, 0/0, as MLlib).
 * The weighted averages weigh each class by its support (the weight of the rows whose true
 * class it is); the macro averages run over the classes that occur in the labels or the
 * predictions (scikit-learn's rule). Partial matrices from several partitions {@link #merge}
 * into one.
 *
 * <p>A class is present when its rows weigh more than 0. MLlib also lists a label whose rows
 * all weigh 0, with recall 0/0 = NaN, which turns its weighted averages into NaN; here such a
 * class is absent.
 */
public final class ConfusionMatrix implements Serializable {
  private static final long serialVersionUID = 2L;

  private final int classes;
  /** counts[actual * classes + predicted]: summed row weights. */
  private final double[] counts;

  public ConfusionMatrix(int classes) {
    Checks.argument(classes >= 2, "a confusion matrix needs >= 2 classes, got %s", classes);
    this.classes = classes;
    this.counts = new double[classes * classes];
  }

  /** A matrix from counts[actual][predicted] (square, k >= 2). */
  public static ConfusionMatrix of(long[][] counts) {
    double[][] d = new double[counts.length][];
    for (int a = 0; a < counts.length; a++) {
      d[a] = new double[counts[a].length];
      for (int p = 0; p < counts[a].length; p++) {
        d[a][p] = counts[a][p];
      }
    }
    return of(d);
  }

  /** A matrix from summed weights[actual][predicted] (square, k >= 2, each finite, >= 0). */
  public static ConfusionMatrix of(double[][] weights) {
    ConfusionMatrix m = new ConfusionMatrix(weights.length);
    for (int a = 0; a < weights.length; a++) {
      Checks.argument(weights[a].length == weights.length, "confusion row %s has %s counts, "
          + "expected %s", a, weights[a].length, weights.length);
      for (int p = 0; p < weights.length; p++) {
        m.add(a, p, weights[a][p]);
      }
    }
    return m;
  }

  public int classes() {
    return classes;
  }

  /** Counts one row whose true class is actual and predicted class is predicted. */
  public void add(int actual, int predicted) {
    add(actual, predicted, 1.0);
  }

  /** Adds one row of the given sample weight (finite, >= 0). */
  public void add(int actual, int predicted, double weight) {
    Checks.argument(actual >= 0 && actual < classes, "true class %s is outside 0..%s", actual,
        classes - 1);
    Checks.argument(predicted >= 0 && predicted < classes, "predicted class %s is outside "
        + "0..%s", predicted, classes - 1);
    Checks.argument(weight >= 0 && weight < Double.POSITIVE_INFINITY, "a row's weight must be "
        + "finite and >= 0, got %s", weight);
    counts[actual * classes + predicted] += weight;
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

  /** The weight (the number, when rows are counted) of rows of class actual predicted so. */
  public double count(int actual, int predicted) {
    return counts[actual * classes + predicted];
  }

  /** The weight of the rows whose true class is c. */
  public double support(int c) {
    double n = 0;
    for (int p = 0; p < classes; p++) {
      n += count(c, p);
    }
    return n;
  }

  /** The weight of the rows predicted as c. */
  public double predictedAs(int c) {
    double n = 0;
    for (int a = 0; a < classes; a++) {
      n += count(a, c);
    }
    return n;
  }

  /** The weight of the rows predicted as c whose true class is another. */
  public double falsePositives(int c) {
    double n = 0;
    for (int a = 0; a < classes; a++) {
      n += a == c ? 0 : count(a, c);
    }
    return n;
  }

  public double total() {
    double n = 0;
    for (double c : counts) {
      n += c;
    }
    return n;
  }

  /** The classes present in the labels (support above 0), ascending: MLlib's labels. */
  public int[] labels() {
    int n = 0;
    for (int c = 0; c < classes; c++) {
      n += support(c) > 0 ? 1 : 0;
    }
    int[] labels = new int[n];
    for (int c = 0, i = 0; c < classes; c++) {
      if (support(c) > 0) {
        labels[i++] = c;
      }
    }
    return labels;
  }

  /** Correct predictions over all rows (0 for no rows). */
  public double accuracy() {
    double hits = 0;
    for (int c = 0; c < classes; c++) {
      hits += count(c, c);
    }
    return ratio(hits, total());
  }

  /** Of the rows predicted as c, the fraction whose true class is c. */
  public double precision(int c) {
    return ratio(count(c, c), predictedAs(c));
  }

  /** Of the rows whose true class is c, the fraction predicted as c: the true positive rate. */
  public double recall(int c) {
    return ratio(count(c, c), support(c));
  }

  /** Of the rows whose true class is another, the fraction predicted as c; NaN without any. */
  public double falsePositiveRate(int c) {
    return falsePositives(c) / (total() - support(c));
  }

  /** The harmonic mean of precision and recall, 0 when both are: {@code fMeasure(c, 1)}. */
  public double f1(int c) {
    return fMeasure(c, 1.0);
  }

  /**
   * (1 + β²)·p·r / (β²·p + r) of class c's precision p and recall r, 0 when both are: recall
   * counts β times as much as precision.
   */
  public double fMeasure(int c, double beta) {
    double p = precision(c);
    double r = recall(c);
    double b2 = beta * beta;
    return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
  }

  /** Whether class c occurs in the labels or the predictions: the classes averages cover. */
  public boolean occurs(int c) {
    return support(c) > 0 || predictedAs(c) > 0;
  }

  /** The three per-class measures of the CLI's report, by name, for the averages. */
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
    return weighted(c -> of(m, c));
  }

  /** The F-measure of {@link #fMeasure} averaged over the classes by support. */
  public double weightedFMeasure(double beta) {
    return weighted(c -> fMeasure(c, beta));
  }

  /** The false positive rate averaged over the classes by support. */
  public double weightedFalsePositiveRate() {
    return weighted(this::falsePositiveRate);
  }

  private double weighted(IntToDoubleFunction measure) {
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      double s = support(c);
      if (s > 0) {
        sum += s * measure.applyAsDouble(c);
      }
    }
    return ratio(sum, total());
  }

  /** The counts as rows of true classes, columns of predicted ones. */
  public double[][] toArray() {
    double[][] a = new double[classes][classes];
    for (int r = 0; r < classes; r++) {
      System.arraycopy(counts, r * classes, a[r], 0, classes);
    }
    return a;
  }

  private static double ratio(double num, double den) {
    return den == 0 ? 0 : num / den;
  }
}
