package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;

/**
 * A multi-layer perceptron classifier for Spark ML Pipelines, where MLlib's
 * MultilayerPerceptronClassifier sits, trained with minibatches on the cluster:
 * <pre>{@code
 * MLPClassifier mlp = new MLPClassifier()
 *     .setLayers(new int[]{784, 256, 128, 10}).setActivation("relu")
 *     .setOptimizer("adam").setLearningRate(1e-3).setBatchSize(256).setMaxEpochs(15)
 *     .setValidationFraction(0.1).setEarlyStoppingPatience(3).setSeed(7);
 * PipelineModel m = new Pipeline().setStages(new PipelineStage[]{assembler, scaler, mlp})
 *     .fit(train);
 * }</pre>
 * The hidden layers use {@code activation}; the output layer is a softmax over
 * {@code layers[last]} classes, trained with cross-entropy against the label column's class
 * indices 0 .. numClasses - 1 (a number; StringIndexer makes them from strings).
 */
public final class MLPClassifier
    extends MLPEstimator<MLPClassifier, MLPClassificationModel> implements ClassifierParams {
  private static final long serialVersionUID = 1L;

  private final Param<String> probabilityCol;
  private final Param<String> rawPredictionCol;

  public MLPClassifier() {
    this(Identifiable.randomUID("mlpc"));
  }

  public MLPClassifier(String uid) {
    super(uid);
    this.probabilityCol = ClassifierParams.newProbabilityCol(this);
    this.rawPredictionCol = ClassifierParams.newRawPredictionCol(this);
  }

  public static MLReader<MLPClassifier> read() {
    return new EstimatorReader<>(MLPClassifier.class, MLPClassifier::new);
  }

  public static MLPClassifier load(String path) {
    return read().load(path);
  }

  @Override
  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  @Override
  public Param<String> rawPredictionCol() {
    return rawPredictionCol;
  }

  public MLPClassifier setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  public MLPClassifier setRawPredictionCol(String value) {
    set(rawPredictionCol, value);
    return this;
  }

  @Override
  protected String lossName() {
    return "sparse_categorical_crossentropy";
  }

  @Override
  protected String outputActivationName() {
    return "softmax";
  }

  @Override
  protected String[] metricNames() {
    return new String[] {"accuracy"};
  }

  @Override
  protected void checkLabel(StructType schema) {
    String stage = getClass().getSimpleName();
    SchemaChecks.numeric(stage, schema, getLabelCol(), "label");
    int[] widths = getLayers();
    int outputs = widths[widths.length - 1];
    if (outputs < 2) {
      throw new IllegalArgumentException(String.format("%s: layers ends with %d output; a "
          + "classifier needs one output per class, at least 2", stage, outputs));
    }
    SchemaChecks.classCount(stage, schema, getLabelCol(), outputs);
  }

  @Override
  protected StructType outputSchema(StructType schema) {
    int[] widths = getLayers();
    return ClassifierOutputs.schema(getClass().getSimpleName(), this, schema,
        widths[widths.length - 1]);
  }

  @Override
  protected MLPClassificationModel newModel(Sequential network) {
    return new MLPClassificationModel(uid(), network);
  }
}
