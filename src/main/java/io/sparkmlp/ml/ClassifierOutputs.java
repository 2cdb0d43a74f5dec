package io.sparkmlp.ml;

import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A classifier's columns, as MLlib's probabilistic classifiers write them: rawPrediction (the
 * logits), probability (the softmax) and prediction (the most probable class index, a double),
 * each left out when its name is empty. Their ML attributes give the number of classes.
 */
final class ClassifierOutputs implements ModelOutputs {
  private static final long serialVersionUID = 1L;

  private final boolean raw;
  private final boolean probability;
  private final boolean prediction;

  ClassifierOutputs(ClassifierParams p) {
    this.raw = !p.getRawPredictionCol().isEmpty();
    this.probability = !p.getProbabilityCol().isEmpty();
    this.prediction = !p.getPredictionCol().isEmpty();
  }

  /** The schema with the columns appended, for a model of numClasses outputs. */
  static StructType schema(String stage, ClassifierParams p, StructType schema, int numClasses) {
    StructType s = schema;
    if (!p.getRawPredictionCol().isEmpty()) {
      s = SchemaChecks.append(stage, s, p.getRawPredictionCol(), SQLDataTypes.VectorType(),
          new AttributeGroup(p.getRawPredictionCol(), numClasses).toMetadata());
    }
    if (!p.getProbabilityCol().isEmpty()) {
      s = SchemaChecks.append(stage, s, p.getProbabilityCol(), SQLDataTypes.VectorType(),
          new AttributeGroup(p.getProbabilityCol(), numClasses).toMetadata());
    }
    if (!p.getPredictionCol().isEmpty()) {
      s = SchemaChecks.append(stage, s, p.getPredictionCol(), DataTypes.DoubleType,
          NominalAttribute.defaultAttr().withName(p.getPredictionCol())
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
      dst[pos] = (double) argmax(outputs, off, k);
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

}
