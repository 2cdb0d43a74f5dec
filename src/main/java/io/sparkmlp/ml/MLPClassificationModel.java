package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Tuple3;

/**
 * A fitted {@link MLPClassifier}, a Spark {@code ProbabilisticClassificationModel}: transform
 * appends rawPrediction (the logits), probability (the softmax) and prediction, with MLlib's
 * names, types and nullability, so MulticlassClassificationEvaluator,
 * BinaryClassificationEvaluator, OneVsRest and code typed on {@code ClassificationModel} take
 * it; {@code thresholds} pick the prediction as in MLlib. transform runs batched (a GEMM per
 * layer and 256 rows); predict, predictRaw and predictProbability run one row.
 * {@link #evaluate} and {@link #summary} give MLlib's classification metrics.
 */
public final class MLPClassificationModel
    extends ProbabilisticClassificationModel<Vector, MLPClassificationModel>
    implements MLPModel {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final MLPParamSet ps;
  private final transient Sequential network;
  private transient MLPClassificationTrainingSummary summary;

  MLPClassificationModel(String uid, Sequential network) {
    this(PendingUid.park(uid), network, true);
  }

  /** See {@link PendingUid}: Spark's constructors have run with uid parked. */
  private MLPClassificationModel(String uid, Sequential network, boolean parked) {
    this.uid = uid;
    PendingUid.release();
    this.network = network;
    this.ps = new MLPParamSet(this);
    ps.setDefaults(this, 0L);
  }

  /**
   * The reader of {@code write().save(path)}'s format; its {@code load} also opens a model
   * directory written by {@code sparkmlp train} (see {@link #load}).
   */
  public static MLReader<MLPClassificationModel> read() {
    return new MLPModelReader<>(MLPClassificationModel.class, MLPClassificationModel::new);
  }

  /**
   * Opens a model saved with {@code write().save(path)}, or the model directory of a
   * {@code sparkmlp train} run (model.json, weights.bin, preprocessing.json): told apart by
   * Spark ML's {@code metadata/} directory. The CLI's preprocessing is folded into the first
   * layer (see {@link CliModelDir}); its network must end in a softmax.
   */
  public static MLPClassificationModel load(String path) {
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

  /** Number of classes: the width of the output layer. */
  @Override
  public int numClasses() {
    return network.network().outputDim();
  }

  /** Width of the features the model reads (layers[0]). */
  @Override
  public int numFeatures() {
    return network.network().inputDim();
  }

  /** The output layer's logits for one row of features. */
  @Override
  public Vector predictRaw(Vector features) {
    float[] z = ModelTransform.forwardOne(stage(), network, features, true);
    return Vectors.dense(ModelOutputs.toDouble(z, 0, z.length));
  }

  /**
   * The class probabilities for one row of features: the network's own softmax, the values
   * transform writes (rather than Spark's default, raw2probability of predictRaw in double).
   */
  @Override
  public Vector predictProbability(Vector features) {
    float[] p = ModelTransform.forwardOne(stage(), network, features, false);
    return Vectors.dense(ModelOutputs.toDouble(p, 0, p.length));
  }

  /** Softmax in place, computed stably (the row's maximum subtracted first). */
  @Override
  public Vector raw2probabilityInPlace(Vector rawPrediction) {
    if (!(rawPrediction instanceof DenseVector dense)) {
      throw new IllegalArgumentException(stage() + ": raw2probabilityInPlace expects a dense "
          + "vector of logits, got a " + rawPrediction.getClass().getSimpleName());
    }
    double[] v = dense.values();
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      max = Math.max(max, x);
    }
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.exp(v[i] - max);
      sum += v[i];
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= sum;
    }
    return dense;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    SchemaChecks.features(stage(), schema, getFeaturesCol(), numFeatures());
    checkThresholds();
    return ClassifierOutputs.schema(stage(), schema, getRawPredictionCol(), getProbabilityCol(),
        getPredictionCol(), numClasses());
  }

  /** Batched: whole partitions through the network, 256 rows per forward pass. */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema(), true);
    double[] t = isDefined(thresholds()) ? getThresholds() : null;
    return ModelTransform.transform(stage(), network, getFeaturesCol(), dataset, out,
        new ClassifierOutputs(getRawPredictionCol(), getProbabilityCol(), getPredictionCol(), t));
  }

  private void checkThresholds() {
    if (isDefined(thresholds()) && getThresholds().length != numClasses()) {
      throw new IllegalArgumentException(String.format("%s: thresholds has %d values but the "
          + "model has %d classes", stage(), getThresholds().length, numClasses()));
    }
  }

  /**
   * MLlib's classification metrics of this model on a dataset with the label column (class
   * indices), weighted by weightCol when it is set: accuracy, weighted and per-label
   * precision, recall, F-measure, true and false positive rates, the confusion matrix, and for
   * two classes the area under the ROC and PR curves.
   */
  public MLPClassificationSummary evaluate(Dataset<?> dataset) {
    MLPClassificationModel m = summaryModel();
    return new MLPClassificationSummary(m.transform(dataset), m.getPredictionCol(),
        m.getProbabilityCol(), getLabelCol(), getWeightCol(), numClasses());
  }

  /**
   * This model, or a copy that writes the probability and prediction columns under generated
   * names where this one leaves them out: the summaries need both.
   */
  MLPClassificationModel summaryModel() {
    if (!getProbabilityCol().isEmpty() && !getPredictionCol().isEmpty()) {
      return this;
    }
    MLPClassificationModel m = copy(ParamMap.empty());
    if (getProbabilityCol().isEmpty()) {
      m.setProbabilityCol("probability_" + java.util.UUID.randomUUID());
    }
    if (getPredictionCol().isEmpty()) {
      m.setPredictionCol("prediction_" + java.util.UUID.randomUUID());
    }
    return m;
  }

  /**
   * Spark's (internal) summary model as MLlib's models give it: (model, probability column,
   * prediction column). Declared here because javac sees the two inherited Scala declarations
   * as a clash; the raw type is what overrides both.
   */
  @Override
  @SuppressWarnings("rawtypes")
  public Tuple3 findSummaryModel() {
    MLPClassificationModel m = summaryModel();
    return new Tuple3<>(m, m.getProbabilityCol(), m.getPredictionCol());
  }

  public boolean hasSummary() {
    return summary != null;
  }

  /**
   * The training summary of a model fresh from fit (a loaded model has none): the loss per
   * epoch and MLlib's classification metrics on the training rows (computed when first asked).
   */
  public MLPClassificationTrainingSummary summary() {
    if (summary == null) {
      throw new IllegalStateException(stage() + " " + uid + " has no training summary: only a "
          + "model fresh from fit (or a copy of one) has one, not a loaded one");
    }
    return summary;
  }

  MLPClassificationModel withSummary(MLPClassificationTrainingSummary s) {
    this.summary = s;
    return this;
  }

  @Override
  public MLPClassificationModel copy(ParamMap extra) {
    MLPClassificationModel copy = copyValues(new MLPClassificationModel(uid, network), extra);
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
