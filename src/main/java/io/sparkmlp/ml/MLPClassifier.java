package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.classification.ProbabilisticClassifier;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * A multi-layer perceptron classifier for Spark ML Pipelines, where MLlib's
 * MultilayerPerceptronClassifier sits, trained with minibatches (or full-batch L-BFGS) on the
 * cluster:
 * <pre>{@code
 * MLPClassifier mlp = new MLPClassifier()
 *     .setLayers(new int[]{784, 256, 128, 10}).setActivation("relu")
 *     .setOptimizer("adam").setLearningRate(1e-3).setBatchSize(256).setMaxEpochs(15)
 *     .setValidationFraction(0.1).setEarlyStoppingPatience(3).setSeed(7);
 * PipelineModel m = new Pipeline().setStages(new PipelineStage[]{assembler, scaler, mlp})
 *     .fit(train);
 * }</pre>
 * A Spark {@code ProbabilisticClassifier}: it goes wherever MLlib code takes a
 * {@code Classifier} (OneVsRest among them, with {@code layers} ending in 2), and has
 * {@code thresholds}, {@code probabilityCol} and {@code rawPredictionCol}. The hidden layers
 * use {@code activation}; the output layer is a softmax over {@code layers[last]} classes,
 * trained with cross-entropy against the label column's class indices 0 .. numClasses - 1 (a
 * number; StringIndexer makes them from strings). Features may be a Vector or
 * array&lt;float|double&gt;.
 */
public final class MLPClassifier
    extends ProbabilisticClassifier<Vector, MLPClassifier, MLPClassificationModel>
    implements MLPEstimator<MLPClassifier, MLPClassificationModel> {
  private static final long serialVersionUID = 1L;
  private static final String LOSS = "sparse_categorical_crossentropy";
  private static final String OUTPUT_ACTIVATION = "softmax";
  private static final String[] METRICS = {"accuracy"};

  private final String uid;
  private final MLPParamSet ps;

  public MLPClassifier() {
    this(Identifiable.randomUID("mlpc"));
  }

  public MLPClassifier(String uid) {
    this(PendingUid.park(uid), true);
  }

  /** See {@link PendingUid}: Spark's constructors have run with uid parked. */
  private MLPClassifier(String uid, boolean parked) {
    this.uid = uid;
    PendingUid.release();
    this.ps = new MLPParamSet(this);
    // MLlib's HasSeed default: the class name's hash, so unseeded runs repeat.
    ps.setDefaults(this, getClass().getName().hashCode());
  }

  public static MLReader<MLPClassifier> read() {
    return new EstimatorReader<>(MLPClassifier.class, MLPClassifier::new);
  }

  public static MLPClassifier load(String path) {
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
  public StructType transformSchema(StructType schema) {
    String stage = getClass().getSimpleName();
    EstimatorFit.checkInputs(stage, this, schema);
    SchemaChecks.numeric(stage, schema, getLabelCol(), "label");
    int outputs = outputs();
    if (outputs < 2) {
      throw new IllegalArgumentException(String.format("%s: layers ends with %d output; a "
          + "classifier needs one output per class, at least 2", stage, outputs));
    }
    SchemaChecks.classCount(stage, schema, getLabelCol(), outputs);
    if (isDefined(thresholds()) && getThresholds().length != outputs) {
      throw new IllegalArgumentException(String.format("%s: thresholds has %d values but "
          + "layers ends with %d classes", stage, getThresholds().length, outputs));
    }
    return ClassifierOutputs.schema(stage, schema, getRawPredictionCol(), getProbabilityCol(),
        getPredictionCol(), outputs);
  }

  private int outputs() {
    int[] widths = getLayers();
    return widths[widths.length - 1];
  }

  /**
   * Trains the network (Spark's fit has checked the schema and cast the label to double) and
   * wraps it in a model with this estimator's params and the training summary.
   */
  @Override
  public MLPClassificationModel train(Dataset<?> dataset) {
    EstimatorFit.Result r = EstimatorFit.train(getClass().getSimpleName(), this, dataset, LOSS,
        OUTPUT_ACTIVATION, METRICS);
    MLPClassificationModel model = copyValues(new MLPClassificationModel(uid, r.network()),
        ParamMap.empty());
    model.setParent(this);
    MLPClassificationModel s = model.summaryModel();
    return model.withSummary(new MLPClassificationTrainingSummary(
        s.transform(r.trainingRows()), s.getPredictionCol(), s.getProbabilityCol(),
        getLabelCol(), getWeightCol(), model.numClasses(), new MLPTrainingSummary(r.history())));
  }

  /** The untrained network the params describe, compiled with the optimizer. */
  Sequential buildNetwork() {
    return EstimatorFit.buildNetwork(this, LOSS, OUTPUT_ACTIVATION, METRICS);
  }

  @Override
  public MLPClassifier copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
