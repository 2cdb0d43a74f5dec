package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Workspace;
import io.sparkmlp.spark.source.VectorRows;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The models' two ways to predict: a whole DataFrame in batches ({@link PartitionPredictor}, a
 * GEMM per layer and batch) for transform, and one row of features for Spark's per-row methods
 * (predict, predictRaw, predictProbability).
 */
final class ModelTransform {
  private ModelTransform() {}

  /** One row's forward pass: the outputs (after the output activation) or the logits. */
  static float[] forwardOne(String stage, Sequential network, Vector features, boolean logits) {
    Network net = network.network();
    int d = net.inputDim();
    if (features.size() != d) {
      throw new IllegalArgumentException(String.format("%s: features have %d values, the "
          + "model expects %d (layers[0])", stage, features.size(), d));
    }
    float[] x = new float[d];
    VectorRows.copy(features, x, 0);
    Workspace ws = net.newWorkspace(1);
    float[] out = net.forward(x, 0, 1, network.params(), ws, false, 0L);
    float[] values = logits ? net.outputLogits(ws) : out;
    return java.util.Arrays.copyOf(values, net.outputDim());
  }

  /**
   * The dataset with the outputs appended (schema {@code out}, already checked), computed
   * partition by partition in batches.
   */
  static Dataset<Row> transform(String stage, Sequential network, String featuresCol,
                                Dataset<?> dataset, StructType out, ModelOutputs outputs) {
    Dataset<Row> df = dataset.toDF();
    if (outputs.count() == 0) {
      return df;
    }
    // Released by Spark's ContextCleaner once the returned Dataset's plan is garbage: the
    // Dataset may be evaluated any number of times, so transform cannot destroy it.
    Broadcast<float[]> params = JavaSparkContext.fromSparkContext(
        df.sparkSession().sparkContext()).broadcast(network.params().clone());
    int index = df.schema().fieldIndex(featuresCol);
    Dataset<Row> predicted = df.mapPartitions(new PartitionPredictor(stage, network.network(),
        params, index, featuresCol, outputs), Encoders.row(out));
    return withMetadata(predicted, out);
  }

  /**
   * The rows with every column's metadata as the schema gives it: the row encoder drops
   * field metadata, and later stages read ML attributes from it (StringIndexer's labels,
   * VectorAssembler's feature names, the prediction's number of classes).
   */
  private static Dataset<Row> withMetadata(Dataset<Row> rows, StructType schema) {
    Column[] columns = new Column[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      StructField f = schema.fields()[i];
      columns[i] = rows.col("`" + f.name().replace("`", "``") + "`").as(f.name(),
          f.metadata());
    }
    return rows.select(columns);
  }
}
