package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link MLPRegressor}: transform appends the prediction, a double for one output
 * (as RegressionEvaluator reads it) or a Vector for several.
 */
public final class MLPRegressionModel extends MLPModel<MLPRegressionModel>
    implements RegressorParams {
  private static final long serialVersionUID = 1L;

  private final Param<String> loss;
  private final Param<String> outputActivation;

  MLPRegressionModel(String uid, Sequential network) {
    super(uid, network);
    this.loss = RegressorParams.newLoss(this);
    this.outputActivation = RegressorParams.newOutputActivation(this);
  }

  public static MLReader<MLPRegressionModel> read() {
    return new MLPModelReader<>(MLPRegressionModel.class, MLPRegressionModel::new);
  }

  public static MLPRegressionModel load(String path) {
    return read().load(path);
  }

  /** Number of outputs: the width of the output layer. */
  public int numOutputs() {
    return network().network().outputDim();
  }

  /** The prediction for one row of features, for a model with one output. */
  public double predict(Vector features) {
    if (numOutputs() != 1) {
      throw new IllegalStateException("the model has " + numOutputs() + " outputs; use "
          + "predictOutputs for a Vector of them");
    }
    return predictOne(features)[0];
  }

  /** All outputs for one row of features. */
  public Vector predictOutputs(Vector features) {
    float[] y = predictOne(features);
    return Vectors.dense(ModelOutputs.toDouble(y, 0, y.length));
  }

  @Override
  public Param<String> loss() {
    return loss;
  }

  @Override
  public Param<String> outputActivation() {
    return outputActivation;
  }

  @Override
  ModelOutputs outputs() {
    return new RegressorOutputs(this);
  }

  @Override
  StructType outputSchema(StructType schema) {
    return RegressorOutputs.schema(getClass().getSimpleName(), this, schema, numOutputs());
  }

  @Override
  MLPRegressionModel newCopy() {
    return new MLPRegressionModel(uid(), network());
  }
}
