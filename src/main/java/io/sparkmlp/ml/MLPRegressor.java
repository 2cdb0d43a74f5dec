package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;

/**
 * A multi-layer perceptron regressor for Spark ML Pipelines, with one output or several:
 * <pre>{@code
 * MLPRegressor mlp = new MLPRegressor().setLayers(new int[]{8, 64, 64, 1})
 *     .setActivation("tanh").setLearningRate(3e-3).setMaxEpochs(50);
 * }</pre>
 * The label column holds a number for one output ({@code layers[last] == 1}) or a Vector /
 * array of {@code layers[last]} numbers; the loss is mean squared (or absolute) error.
 */
public final class MLPRegressor extends MLPEstimator<MLPRegressor, MLPRegressionModel>
    implements RegressorParams {
  private static final long serialVersionUID = 1L;

  private final Param<String> loss;
  private final Param<String> outputActivation;

  public MLPRegressor() {
    this(Identifiable.randomUID("mlpr"));
  }

  public MLPRegressor(String uid) {
    super(uid);
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
  protected String lossName() {
    return getLoss();
  }

  @Override
  protected String outputActivationName() {
    return getOutputActivation();
  }

  @Override
  protected String[] metricNames() {
    return new String[] {getLoss().equals("mse") ? "mae" : "mse"};
  }

  @Override
  protected void checkLabel(StructType schema) {
    String stage = getClass().getSimpleName();
    SchemaChecks.numericOrVector(stage, schema, getLabelCol(), "label");
    int[] widths = getLayers();
    SchemaChecks.targetWidth(stage, schema, getLabelCol(), widths[widths.length - 1]);
  }

  @Override
  protected StructType outputSchema(StructType schema) {
    int[] widths = getLayers();
    return RegressorOutputs.schema(getClass().getSimpleName(), this, schema,
        widths[widths.length - 1]);
  }

  @Override
  protected MLPRegressionModel newModel(Sequential network) {
    return new MLPRegressionModel(uid(), network);
  }
}
