package io.sparkmlp.ml;

import java.io.Serializable;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.Tuple3;

/**
 * A classifier's metrics on one dataset, with the names and meanings of MLlib's
 * {@code ClassificationSummary} (accuracy, weighted and per-label precision, recall,
 * F-measure, true and false positive rates) plus the confusion matrix and, for two classes,
 * {@code BinaryClassificationSummary}'s areas under the ROC and PR curves. Computed by
 * MLlib's {@link MulticlassMetrics} and {@link BinaryClassificationMetrics} (exact: no
 * binning of the scores) the first time a metric is asked for; each metric is a Spark job or
 * a few. Rows weigh by the weight column when one is named and present, else 1.
 *
 * <p>MLlib's own summary types are Scala traits with fields, which Java cannot implement, so
 * this class has their methods rather than their type.
 */
public class MLPClassificationSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final transient Dataset<Row> predictions;
  private final String predictionCol;
  private final String probabilityCol;
  private final String labelCol;
  private final String weightCol;
  private final int numClasses;
  private transient MulticlassMetrics multiclass;
  private transient BinaryClassificationMetrics binary;

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

  /** The labels that occur (as label or prediction), ascending, as MulticlassMetrics has them. */
  public double[] labels() {
    return multiclass().labels();
  }

  public double accuracy() {
    return multiclass().accuracy();
  }

  /** Rows of the true labels, columns of the predicted ones, both in {@link #labels} order. */
  public Matrix confusionMatrix() {
    return multiclass().confusionMatrix().asML();
  }

  public double[] precisionByLabel() {
    return byLabel(Metric.PRECISION, 1.0);
  }

  public double[] recallByLabel() {
    return byLabel(Metric.RECALL, 1.0);
  }

  /** The recall of each label. */
  public double[] truePositiveRateByLabel() {
    return recallByLabel();
  }

  public double[] falsePositiveRateByLabel() {
    return byLabel(Metric.FALSE_POSITIVE_RATE, 1.0);
  }

  public double[] fMeasureByLabel(double beta) {
    return byLabel(Metric.F_MEASURE, beta);
  }

  /** F1 of each label. */
  public double[] fMeasureByLabel() {
    return fMeasureByLabel(1.0);
  }

  public double weightedPrecision() {
    return multiclass().weightedPrecision();
  }

  public double weightedRecall() {
    return multiclass().weightedRecall();
  }

  /** The weighted recall. */
  public double weightedTruePositiveRate() {
    return multiclass().weightedTruePositiveRate();
  }

  public double weightedFalsePositiveRate() {
    return multiclass().weightedFalsePositiveRate();
  }

  public double weightedFMeasure(double beta) {
    return multiclass().weightedFMeasure(beta);
  }

  public double weightedFMeasure() {
    return weightedFMeasure(1.0);
  }

  /** Area under the ROC curve of P(class 1), for a model of two classes. */
  public double areaUnderROC() {
    return binary().areaUnderROC();
  }

  /** Area under the precision-recall curve of P(class 1), for a model of two classes. */
  public double areaUnderPR() {
    return binary().areaUnderPR();
  }

  private enum Metric { PRECISION, RECALL, FALSE_POSITIVE_RATE, F_MEASURE }

  private double[] byLabel(Metric metric, double beta) {
    MulticlassMetrics m = multiclass();
    double[] labels = m.labels();
    double[] values = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      values[i] = switch (metric) {
        case PRECISION -> m.precision(labels[i]);
        case RECALL -> m.recall(labels[i]);
        case FALSE_POSITIVE_RATE -> m.falsePositiveRate(labels[i]);
        case F_MEASURE -> m.fMeasure(labels[i], beta);
      };
    }
    return values;
  }

  private Column weight() {
    boolean present = !weightCol.isEmpty()
        && java.util.Arrays.asList(predictions.columns()).contains(weightCol);
    return (present ? functions.col(weightCol) : functions.lit(1.0)).cast(DataTypes.DoubleType);
  }

  private Column label() {
    return functions.col(labelCol).cast(DataTypes.DoubleType);
  }

  private synchronized MulticlassMetrics multiclass() {
    if (multiclass == null) {
      multiclass = new MulticlassMetrics(predictions.select(
          functions.col(predictionCol), label(), weight()).toJavaRDD()
          .map(r -> new Tuple3<>(r.getDouble(0), r.getDouble(1), r.getDouble(2))).rdd());
    }
    return multiclass;
  }

  private synchronized BinaryClassificationMetrics binary() {
    if (numClasses != 2) {
      throw new IllegalStateException("areaUnderROC and areaUnderPR need a model of 2 classes; "
          + "this one has " + numClasses);
    }
    if (binary == null) {
      binary = new BinaryClassificationMetrics(predictions.select(
          functions.col(probabilityCol), label(), weight()).toJavaRDD()
          .map(r -> new Tuple3<>(((Vector) r.get(0)).apply(1), r.getDouble(1), r.getDouble(2)))
          .rdd(), 0);
    }
    return binary;
  }
}
