package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link MLPClassifier}: transform appends rawPrediction, probability and prediction
 * (MLlib's names and types), so MulticlassClassificationEvaluator and
 * BinaryClassificationEvaluator read it as they read MLlib's classifiers.
 */
public final class MLPClassificationModel extends MLPModel<MLPClassificationModel>
    implements ClassifierParams {
  private static final long serialVersionUID = 1L;

  private final Param<String> probabilityCol;
  private final Param<String> rawPredictionCol;

  MLPClassificationModel(String uid, Sequential network) {
    super(uid, network);
    this.probabilityCol = ClassifierParams.newProbabilityCol(this);
    this.rawPredictionCol = ClassifierParams.newRawPredictionCol(this);
  }

  public static MLReader<MLPClassificationModel> read() {
    return new MLPModelReader<>(MLPClassificationModel.class, MLPClassificationModel::new);
  }

  public static MLPClassificationModel load(String path) {
    return read().load(path);
  }

  /** Number of classes: the width of the output layer. */
  public int numClasses() {
    return network().network().outputDim();
  }

  /** The most probable class of one row of features. */
  public double predict(Vector features) {
    float[] p = predictOne(features);
    return ClassifierOutputs.argmax(p, 0, p.length);
  }

  /** The class probabilities of one row of features. */
  public Vector predictProbability(Vector features) {
    float[] p = predictOne(features);
    return Vectors.dense(ModelOutputs.toDouble(p, 0, p.length));
  }

  @Override
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  @Override
  public Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public MLPClassificationModel setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  public MLPClassificationModel setRawPredictionCol(String value) {
    set(rawPredictionCol, value);
    return this;
  }

  @Override
  ModelOutputs outputs() {
    return new ClassifierOutputs(this);
  }

  @Override
  StructType outputSchema(StructType schema) {
    return ClassifierOutputs.schema(getClass().getSimpleName(), this, schema, numClasses());
  }

  @Override
  MLPClassificationModel newCopy() {
    return new MLPClassificationModel(uid(), network());
  }
}
