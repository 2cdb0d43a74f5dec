package io.sparkmlp.ml;

import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;

/**
 * A regressor's prediction column: a double for one output (what RegressionEvaluator reads),
 * a Vector for several; left out when its name is empty.
 */
final class RegressorOutputs implements ModelOutputs {
  private static final long serialVersionUID = 1L;

  private final boolean prediction;

  RegressorOutputs(MLPParams p) {
    this.prediction = !p.getPredictionCol().isEmpty();
  }

  static StructType schema(String stage, MLPParams p, StructType schema, int outputs) {
    String col = p.getPredictionCol();
    if (col.isEmpty()) {
      return schema;
    }
    return outputs == 1
        ? SchemaChecks.append(stage, schema, col, DataTypes.DoubleType, Metadata.empty())
        : SchemaChecks.append(stage, schema, col, SQLDataTypes.VectorType(),
            new AttributeGroup(col, outputs).toMetadata());
  }

  @Override
  public int count() {
    return prediction ? 1 : 0;
  }

  @Override
  public void write(float[] outputs, float[] logits, int r, int k, Object[] dst, int pos) {
    if (prediction) {
      dst[pos] = k == 1 ? (Object) (double) outputs[r]
          : Vectors.dense(ModelOutputs.toDouble(outputs, r * k, k));
    }
  }
}
