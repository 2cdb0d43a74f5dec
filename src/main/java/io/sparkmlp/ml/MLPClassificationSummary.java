package io.sparkmlp.ml;

import io.sparkmlp.nn.ConfusionMatrix;
import io.sparkmlp.spark.ClassifierMetrics;
import java.io.Serializable;
import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.apache.spark.ml.linalg.Matrices;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * A classifier's metrics on one dataset, with the names and meanings of MLlib's
 * {@code ClassificationSummary} (accuracy, weighted and per-label precision, recall,
 * F-measure, true and false positive rates) plus the confusion matrix and, for two classes,
 * {@code BinaryClassificationSummary}'s areas under the ROC and PR curves. Computed by
 * sparkmlp's own measures ({@link ConfusionMatrix}, {@code nn.RocAuc}, {@code nn.PrAuc}, on the
 * executors through {@link ClassifierMetrics}; exact, no binning of the scores), with MLlib's
 * definitions, the first time a metric is asked for: the confusion matrix takes one Spark job,
 * the two areas two more. Rows weigh by the weight column when one is named and present, else 1;
 * labels must be class indices 0..numClasses-1.
 *
 * <p>MLlib's own summary types are Scala traits with fields, which Java cannot implement, so
 * this class has their methods rather than their type.
 */
public class MLPClassificationSummary implements Serializable {
  private static final long serialVersionUID = 2L;

  private final transient Dataset<Row> predictions;
  private final String predictionCol;
  private final String probabilityCol;
  private final String labelCol;
  private final String weightCol;
  private final int numClasses;
  private ConfusionMatrix confusion;
  private ClassifierMetrics.Areas areas;

  MLPClassificationSummary(Dataset<Row> predictions, String predictionCol,
                           String probabilityCol, String labelCol, String weightCol,
                           int numClasses) {
    this.predictions = predictions;
    this.predictionCol = predictionCol;
    this.probabilityCol = probabilityCol;
    this.labelCol = labelCol;
    this.weightCol = weightCol;
    this.numClasses = numClasses;
  }

  /** The model's transform of the dataset, which the metrics are computed from. */
  public Dataset<Row> predictions() {
    return predictions;
  }

  public String predictionCol() {
    return predictionCol;
  }

  public String probabilityCol() {
    return probabilityCol;
  }

  public String labelCol() {
    return labelCol;
  }

  /** The weight column, or "" when every row weighs 1. */
  public String weightCol() {
    return weightCol;
  }

  /** The labels present (in the label column), ascending, as MulticlassMetrics has them. */
  public double[] labels() {
    return Arrays.stream(confusion().labels()).asDoubleStream().toArray();
  }

  public double accuracy() {
    return confusion().accuracy();
  }

  /**
   * Rows of the true labels, columns of the predicted ones, both in {@link #labels} order: the
   * summed row weights. Predictions of a label absent from the labels are left out, as MLlib's
   * matrix leaves them.
   */
  public Matrix confusionMatrix() {
    ConfusionMatrix m = confusion();
    int[] labels = m.labels();
    int n = labels.length;
    double[] values = new double[n * n];  // column-major
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        values[i + j * n] = m.count(labels[i], labels[j]);
      }
    }
    return Matrices.dense(n, n, values);
  }

  public double[] precisionByLabel() {
    return byLabel(confusion()::precision);
  }

  public double[] recallByLabel() {
    return byLabel(confusion()::recall);
  }

  /** The recall of each label. */
  public double[] truePositiveRateByLabel() {
    return recallByLabel();
  }

  /** Of each label's negatives, the weight predicted as it; NaN for a label every row has. */
  public double[] falsePositiveRateByLabel() {
    return byLabel(confusion()::falsePositiveRate);
  }

  /** (1 + β²)·p·r / (β²·p + r) of each label's precision p and recall r. */
  public double[] fMeasureByLabel(double beta) {
    ConfusionMatrix m = confusion();
    return byLabel(c -> m.fMeasure(c, beta));
  }

  /** F1 of each label. */
  public double[] fMeasureByLabel() {
    return fMeasureByLabel(1.0);
  }

  public double weightedPrecision() {
    return confusion().weighted(ConfusionMatrix.Measure.PRECISION);
  }

  public double weightedRecall() {
    return confusion().weighted(ConfusionMatrix.Measure.RECALL);
  }

  /** The weighted recall. */
  public double weightedTruePositiveRate() {
    return weightedRecall();
  }

  public double weightedFalsePositiveRate() {
    return confusion().weightedFalsePositiveRate();
  }

  public double weightedFMeasure(double beta) {
    return confusion().weightedFMeasure(beta);
  }

  public double weightedFMeasure() {
    return weightedFMeasure(1.0);
  }

  /**
   * Area under the ROC curve of P(class 1), for a model of two classes; with one class in the
   * labels, the area under MLlib's curve from (0, 0) to (1, 1): 0 or 1.
   */
  public double areaUnderROC() {
    return areas().roc();
  }

  /** Area under the precision-recall curve of P(class 1), for a model of two classes. */
  public double areaUnderPR() {
    return areas().pr();
  }

  private double[] byLabel(IntToDoubleFunction measure) {
    int[] labels = confusion().labels();
    double[] values = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      values[i] = measure.applyAsDouble(labels[i]);
    }
    return values;
  }

  private Column weight() {
    boolean present = !weightCol.isEmpty()
        && Arrays.asList(predictions.columns()).contains(weightCol);
    return (present ? functions.col(weightCol) : functions.lit(1.0)).cast(DataTypes.DoubleType);
  }

  private Column label() {
    return functions.col(labelCol).cast(DataTypes.DoubleType);
  }

  private synchronized ConfusionMatrix confusion() {
    if (confusion == null) {
      confusion = ClassifierMetrics.confusion(predictions.select(label(),
          functions.col(predictionCol).cast(DataTypes.DoubleType), weight()), numClasses);
    }
    return confusion;
  }

  private synchronized ClassifierMetrics.Areas areas() {
    if (numClasses != 2) {
      throw new IllegalStateException("areaUnderROC and areaUnderPR need a model of 2 classes; "
          + "this one has " + numClasses);
    }
    if (areas == null) {
      areas = ClassifierMetrics.areas(predictions.select(
          org.apache.spark.ml.functions.vector_to_array(functions.col(probabilityCol),
              "float64").getItem(1), label(), weight()));
    }
    return areas;
  }
}
