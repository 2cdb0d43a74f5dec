package io.sparkmlp.ml;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.VectorRows;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the fitted models share: the trained {@link Sequential}, the params it was trained
 * with, the training summary, a batched transform ({@link PartitionPredictor}), and ML
 * persistence. {@code write().save(path)} writes Spark ML's metadata plus the plain model
 * directory at {@code path/model}, which {@link Sequential#load} opens too.
 *
 * @param <M> the model itself
 */
public abstract class MLPModel<M extends MLPModel<M>> extends Model<M>
    implements MLPParams, MLWritable {
  private static final long serialVersionUID = 1L;
  /** Where, under a saved model's path, the Sequential model directory goes. */
  public static final String NETWORK_DIR = "model";

  private final String uid;
  private final MLPParamSet ps;
  private final transient Sequential network;
  private transient MLPTrainingSummary summary;

  protected MLPModel(String uid, Sequential network) {
    this.uid = uid;
    this.network = network;
    this.ps = new MLPParamSet(this);
    ps.setDefaults(this, 0L);
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public MLPParamSet paramSet() {
    return ps;
  }

  /** The columns transform appends, in order, as filled from a forward pass. */
  abstract ModelOutputs outputs();

  /** The input schema with the appended columns. */
  abstract StructType outputSchema(StructType schema);

  /** A copy around the same network, with this model's summary. */
  abstract M newCopy();

  @SuppressWarnings("unchecked")
  M withSummary(MLPTrainingSummary s) {
    this.summary = s;
    return (M) this;
  }

  /**
   * The trained network (shared, not copied: train or change it and this model changes).
   * {@code model.network().predict(x)} predicts on local data without Spark.
   */
  public Sequential network() {
    return network;
  }

  /** Width of the features the model reads (layers[0]). */
  public int numFeatures() {
    return network.network().inputDim();
  }

  /** The network's outputs for one row of features. */
  float[] predictOne(Vector features) {
    int d = numFeatures();
    if (features.size() != d) {
      throw new IllegalArgumentException(String.format("%s: features have %d values, the "
          + "model expects %d (layers[0])", getClass().getSimpleName(), features.size(), d));
    }
    float[] x = new float[d];
    VectorRows.copy(features, x, 0);
    return network.predict(new Matrix(x, 1, d)).values();
  }

  public boolean hasSummary() {
    return summary != null;
  }

  /** The training summary of a model fresh from fit (a loaded model has none). */
  public MLPTrainingSummary summary() {
    if (summary == null) {
      throw new IllegalStateException(getClass().getSimpleName() + " " + uid + " has no "
          + "training summary: only a model fresh from fit (or a copy of one) has one, not a "
          + "loaded one");
    }
    return summary;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.features(getClass().getSimpleName(), schema, getFeaturesCol(), numFeatures());
    return outputSchema(schema);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema(), true);
    Dataset<Row> df = dataset.toDF();
    ModelOutputs outputs = outputs();
    if (outputs.count() == 0) {
      return df;
    }
    // Released by Spark's ContextCleaner once the returned Dataset's plan is garbage: the
    // Dataset may be evaluated any number of times, so transform cannot destroy it.
    Broadcast<float[]> params = JavaSparkContext.fromSparkContext(
        df.sparkSession().sparkContext()).broadcast(network.params().clone());
    int index = df.schema().fieldIndex(getFeaturesCol());
    Dataset<Row> predicted = df.mapPartitions(new PartitionPredictor(getClass().getSimpleName(),
        network.network(), params, index, getFeaturesCol(), outputs), Encoders.row(out));
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

  @Override
  public M copy(org.apache.spark.ml.param.ParamMap extra) {
    M copy = copyValues(newCopy(), extra);
    copy.setParent(parent());
    return summary == null ? copy : copy.withSummary(summary);
  }

  @Override
  public MLWriter write() {
    return new MLPModelWriter(this);
  }

  public M setFeaturesCol(String value) {
    set(ps.featuresCol, value);
    return self();
  }

  public M setPredictionCol(String value) {
    set(ps.predictionCol, value);
    return self();
  }

  @SuppressWarnings("unchecked")
  private M self() {
    return (M) this;
  }
}
