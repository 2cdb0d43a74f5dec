package io.sparkmlp.ml;

import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A classifier's columns, as MLlib's probabilistic classifiers write them: rawPrediction (the
 * logits), probability (the softmax) and prediction (the class index, a double), each left out
 * when its name is empty. The prediction is the most probable class, or with thresholds the
 * class of the largest probability / threshold, as MLlib's probability2prediction picks it.
 * Their ML attributes give the number of classes.
 */
final class ClassifierOutputs implements ModelOutputs {
  private static final long serialVersionUID = 1L;

  private final boolean raw;
  private final boolean probability;
  private final boolean prediction;
  private final double[] thresholds;

  /** The columns with these names ("" leaves one out); thresholds null for plain argmax. */
  ClassifierOutputs(String rawCol, String probabilityCol, String predictionCol,
                    double[] thresholds) {
    this.raw = !rawCol.isEmpty();
    this.probability = !probabilityCol.isEmpty();
    this.prediction = !predictionCol.isEmpty();
    this.thresholds = thresholds == null ? null : thresholds.clone();
  }

  /** The schema with the columns appended, for a model of numClasses outputs. */
  static StructType schema(String stage, StructType schema, String rawCol,
                           String probabilityCol, String predictionCol, int numClasses) {
    StructType s = schema;
    if (!rawCol.isEmpty()) {
      s = SchemaChecks.append(stage, s, rawCol, SQLDataTypes.VectorType(),
          new AttributeGroup(rawCol, numClasses).toMetadata());
    }
    if (!probabilityCol.isEmpty()) {
      s = SchemaChecks.append(stage, s, probabilityCol, SQLDataTypes.VectorType(),
          new AttributeGroup(probabilityCol, numClasses).toMetadata());
    }
    if (!predictionCol.isEmpty()) {
      s = SchemaChecks.append(stage, s, predictionCol, DataTypes.DoubleType,
          NominalAttribute.defaultAttr().withName(predictionCol)
              .withNumValues(numClasses).toMetadata());
    }
    return s;
  }

  @Override
  public int count() {
    return (raw ? 1 : 0) + (probability ? 1 : 0) + (prediction ? 1 : 0);
  }

  @Override
  public void write(float[] outputs, float[] logits, int r, int k, Object[] dst, int pos) {
    int off = r * k;
    if (raw) {
      dst[pos++] = Vectors.dense(ModelOutputs.toDouble(logits, off, k));
    }
    if (probability) {
      dst[pos++] = Vectors.dense(ModelOutputs.toDouble(outputs, off, k));
    }
    if (prediction) {
      dst[pos] = thresholds == null ? (double) argmax(outputs, off, k)
          : (double) thresholded(outputs, off, k, thresholds);
    }
  }

  static int argmax(float[] values, int off, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (values[off + j] > values[off + best]) {
        best = j;
      }
    }
    return best;
  }

  /**
   * MLlib's rule: the class of the largest p / t. At most one threshold may be 0; its class wins
   * (p / 0 = +inf) unless its probability is 0 too (0 / 0 = NaN never wins).
   */
  static int thresholded(float[] p, int off, int k, double[] t) {
    int best = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double scaled = p[off + j] / t[j];
      if (scaled > max) {
        max = scaled;
        best = j;
      }
    }
    return best;
  }
}
