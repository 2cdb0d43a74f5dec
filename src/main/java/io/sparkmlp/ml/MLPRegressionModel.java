package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.PredictionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link MLPRegressor}, a Spark {@code PredictionModel}: transform (batched, a GEMM
 * per layer and 256 rows) appends the prediction, a double for one output (as
 * RegressionEvaluator reads it) or a Vector for several; predict runs one row.
 */
public final class MLPRegressionModel
    extends PredictionModel<Vector, MLPRegressionModel>
    implements MLPModel, RegressorParams {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final MLPParamSet ps;
  private final transient Sequential network;
  private transient MLPTrainingSummary summary;
  private final Param<String> loss;
  private final Param<String> outputActivation;

  MLPRegressionModel(String uid, Sequential network) {
    this(PendingUid.park(uid), network, true);
  }

  /** See {@link PendingUid}: Spark's constructors have run with uid parked. */
  private MLPRegressionModel(String uid, Sequential network, boolean parked) {
    this.uid = uid;
    PendingUid.release();
    this.network = network;
    this.ps = new MLPParamSet(this);
    ps.setDefaults(this, 0L);
    this.loss = RegressorParams.newLoss(this);
    this.outputActivation = RegressorParams.newOutputActivation(this);
  }

  /**
   * The reader of {@code write().save(path)}'s format; its {@code load} also opens a model
   * directory written by {@code sparkmlp train} (see {@link #load}).
   */
  public static MLReader<MLPRegressionModel> read() {
    return new MLPModelReader<>(MLPRegressionModel.class, MLPRegressionModel::new);
  }

  /**
   * Opens a model saved with {@code write().save(path)}, or the model directory of a
   * {@code sparkmlp train} run (model.json, weights.bin, preprocessing.json): told apart by
   * Spark ML's {@code metadata/} directory. The CLI's preprocessing is folded into the first
   * layer (see {@link CliModelDir}); a network that ends in a softmax is refused (it is
   * a classifier's).
   */
  public static MLPRegressionModel load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid != null ? uid : PendingUid.parked();
  }

  @Override
  public MLPParamSet paramSet() {
    return ps;
  }

  @Override
  public Sequential network() {
    return network;
  }

  @Override
  public Param<String> loss() {
    return loss;
  }

  @Override
  public Param<String> outputActivation() {
    return outputActivation;
  }

  /** Width of the features the model reads (layers[0]). */
  @Override
  public int numFeatures() {
    return network.network().inputDim();
  }

  /** Number of outputs: the width of the output layer. */
  public int numOutputs() {
    return network.network().outputDim();
  }

  /** The prediction for one row of features, for a model with one output. */
  @Override
  public double predict(Vector features) {
    if (numOutputs() != 1) {
      throw new IllegalStateException("the model has " + numOutputs() + " outputs; use "
          + "predictOutputs for a Vector of them");
    }
    return ModelTransform.forwardOne(stage(), network, features, false)[0];
  }

  /** All outputs for one row of features. */
  public Vector predictOutputs(Vector features) {
    float[] y = ModelTransform.forwardOne(stage(), network, features, false);
    return Vectors.dense(ModelOutputs.toDouble(y, 0, y.length));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.features(stage(), schema, getFeaturesCol(), numFeatures());
    return RegressorOutputs.schema(stage(), this, schema, numOutputs());
  }

  /** Batched: whole partitions through the network, 256 rows per forward pass. */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema(), true);
    return ModelTransform.transform(stage(), network, getFeaturesCol(), dataset, out,
        new RegressorOutputs(this));
  }

  public boolean hasSummary() {
    return summary != null;
  }

  /** The training summary of a model fresh from fit (a loaded model has none). */
  public MLPTrainingSummary summary() {
    if (summary == null) {
      throw new IllegalStateException(stage() + " " + uid + " has no training summary: only a "
          + "model fresh from fit (or a copy of one) has one, not a loaded one");
    }
    return summary;
  }

  MLPRegressionModel withSummary(MLPTrainingSummary s) {
    this.summary = s;
    return this;
  }

  @Override
  public MLPRegressionModel copy(ParamMap extra) {
    MLPRegressionModel copy = copyValues(new MLPRegressionModel(uid, network), extra);
    copy.setParent(parent());
    return copy.withSummary(summary);
  }

  @Override
  public MLWriter write() {
    return new MLPModelWriter(this);
  }

  private String stage() {
    return getClass().getSimpleName();
  }
}
