package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.Predictor;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A multi-layer perceptron regressor for Spark ML Pipelines, with one output or several:
 * <pre>{@code
 * MLPRegressor mlp = new MLPRegressor().setLayers(new int[]{8, 64, 64, 1})
 *     .setActivation("tanh").setLearningRate(3e-3).setMaxEpochs(50);
 * }</pre>
 * A Spark {@code Predictor}. The label column holds a number for one output
 * ({@code layers[last] == 1}) or a Vector / array of {@code layers[last]} numbers; the loss is
 * mean squared (or absolute) error.
 */
public final class MLPRegressor extends Predictor<Vector, MLPRegressor, MLPRegressionModel>
    implements MLPEstimator<MLPRegressor, MLPRegressionModel>, RegressorParams {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final MLPParamSet ps;
  private final Param<String> loss;
  private final Param<String> outputActivation;

  public MLPRegressor() {
    this(Identifiable.randomUID("mlpr"));
  }

  public MLPRegressor(String uid) {
    this(PendingUid.park(uid), true);
  }

  /** See {@link PendingUid}: Spark's constructors have run with uid parked. */
  private MLPRegressor(String uid, boolean parked) {
    this.uid = uid;
    PendingUid.release();
    this.ps = new MLPParamSet(this);
    // MLlib's HasSeed default: the class name's hash, so unseeded runs repeat.
    ps.setDefaults(this, getClass().getName().hashCode());
    this.loss = RegressorParams.newLoss(this);
    this.outputActivation = RegressorParams.newOutputActivation(this);
  }

  public static MLReader<MLPRegressor> read() {
    return new EstimatorReader<>(MLPRegressor.class, MLPRegressor::new);
  }

  public static MLPRegressor load(String path) {
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
  public Param<String> loss() {
    return loss;
  }

  @Override
  public Param<String> outputActivation() {
    return outputActivation;
  }

  public MLPRegressor setLoss(String value) {
    set(loss, value);
    return this;
  }

  public MLPRegressor setOutputActivation(String value) {
    set(outputActivation, value);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String stage = getClass().getSimpleName();
    EstimatorFit.checkInputs(stage, this, schema);
    SchemaChecks.numericOrVector(stage, schema, getLabelCol(), "label");
    int[] widths = getLayers();
    int outputs = widths[widths.length - 1];
    SchemaChecks.targetWidth(stage, schema, getLabelCol(), outputs);
    return RegressorOutputs.schema(stage, this, schema, outputs);
  }

  /**
   * Spark's fit less its cast of the label to double, which a Vector or array label (several
   * outputs) cannot take: the trainer reads every numeric type.
   */
  @Override
  public MLPRegressionModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    return copyValues(train(dataset).setParent(this), ParamMap.empty());
  }

  @Override
  public MLPRegressionModel train(Dataset<?> dataset) {
    EstimatorFit.Result r = EstimatorFit.train(getClass().getSimpleName(), this, dataset,
        getLoss(), getOutputActivation(), metrics());
    return new MLPRegressionModel(uid, r.network())
        .withSummary(new MLPTrainingSummary(r.history()));
  }

  /** The metric logged beside the loss: the other of mse and mae. */
  private String[] metrics() {
    return new String[] {getLoss().equals("mse") ? "mae" : "mse"};
  }

  /** The untrained network the params describe, compiled with the optimizer. */
  Sequential buildNetwork() {
    return EstimatorFit.buildNetwork(this, getLoss(), getOutputActivation(), metrics());
  }

  @Override
  public MLPRegressor copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
