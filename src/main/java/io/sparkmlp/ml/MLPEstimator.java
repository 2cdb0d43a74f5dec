package io.sparkmlp.ml;

import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Dropout;
import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Logs;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.util.Checks;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What {@link MLPClassifier} and {@link MLPRegressor} share: the params and their setters,
 * and {@link #fit}, which builds a {@link Sequential} from the params (Dense layers of
 * {@code layers[1..]} with the hidden activation, Dropout after each hidden layer when set),
 * trains it with {@link SparkTraining} (broadcast weights, treeAggregate'd gradients, the
 * optimizer on the driver) and wraps it in the subclass's model.
 *
 * @param <E> the estimator itself, so setters chain with its type
 * @param <M> the model it fits
 */
public abstract class MLPEstimator<E extends MLPEstimator<E, M>, M extends MLPModel<M>>
    extends Estimator<M> implements MLPParams, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final MLPParamSet ps;

  protected MLPEstimator(String uid) {
    this.uid = uid;
    this.ps = new MLPParamSet(this);
    // MLlib's HasSeed default: the class name's hash, so unseeded runs repeat.
    ps.setDefaults(this, getClass().getName().hashCode());
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public MLPParamSet paramSet() {
    return ps;
  }

  /** The loss to compile with (Keras name). */
  protected abstract String lossName();

  /** The output layer's activation (Keras name). */
  protected abstract String outputActivationName();

  /** Metrics logged per epoch (Keras names). */
  protected abstract String[] metricNames();

  /** Checks the label column's type. */
  protected abstract void checkLabel(StructType schema);

  /** The schema the fitted model's transform returns. */
  protected abstract StructType outputSchema(StructType schema);

  /** The fitted model around the trained network, with this estimator's uid. */
  protected abstract M newModel(Sequential network);

  @Override
  public StructType transformSchema(StructType schema) {
    String stage = getClass().getSimpleName();
    if (!isDefined(layers())) {
      throw new IllegalArgumentException(stage + ": layers is not set; set the widths from "
          + "the input to the output, e.g. setLayers(new int[]{784, 128, 10})");
    }
    SchemaChecks.features(stage, schema, getFeaturesCol(), getLayers()[0]);
    checkLabel(schema);
    if (!getWeightCol().isEmpty()) {
      SchemaChecks.numeric(stage, schema, getWeightCol(), "weight");
    }
    return outputSchema(schema);
  }

  @Override
  public M fit(Dataset<?> dataset) {
    transformSchema(dataset.schema(), true);
    Sequential network = buildNetwork();
    DistributedOptions options = fitOptions();
    Dataset<Row> df = dataset.toDF();
    double fraction = getValidationFraction();
    History history;
    try {
      if (fraction > 0) {
        Dataset<Row>[] parts = df.randomSplit(new double[] {1 - fraction, fraction},
            getSeed());
        history = SparkTraining.fit(network, parts[0], parts[1], options);
      } else {
        history = SparkTraining.fit(network, df, options);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(trainingError(e.getMessage()), e);
    }
    M model = copyValues(newModel(network), ParamMap.empty());
    model.setParent(this);
    return model.withSummary(new MLPTrainingSummary(history));
  }

  /**
   * A data error from training, prefixed with the stage and the columns and split it read:
   * the trainer names rows and data sets ("training data labels: row 3 ..."), not Spark ML's
   * columns and params.
   */
  private String trainingError(String message) {
    StringBuilder where = new StringBuilder(getClass().getSimpleName()).append(" (featuresCol '")
        .append(getFeaturesCol()).append("', labelCol '").append(getLabelCol()).append('\'');
    if (!getWeightCol().isEmpty()) {
      where.append(", weightCol '").append(getWeightCol()).append('\'');
    }
    if (getValidationFraction() > 0) {
      where.append(", validationFraction ").append(getValidationFraction())
          .append(" held out at random");
    }
    return where.append("): ").append(message).toString();
  }

  /** The untrained network the params describe, compiled with the optimizer. */
  Sequential buildNetwork() {
    int[] widths = getLayers();
    Sequential s = new Sequential().seed(getSeed());
    for (int i = 1; i < widths.length; i++) {
      boolean hidden = i < widths.length - 1;
      Dense dense = new Dense(widths[i], hidden ? getActivation() : outputActivationName())
          .kernelInitializer(getKernelInitializer()).l2(getL2());
      s.add(i == 1 ? dense.inputDim(widths[0]) : dense);
      if (hidden && getDropout() > 0) {
        s.add(new Dropout(getDropout()));
      }
    }
    Optimizer optimizer = lbfgs()
        ? Lbfgs.builder().maxIter(getMaxIter()).tol(getTol()).build()
        : Optimizers.fromConfig(getOptimizer(), Map.of("learning_rate", getLearningRate()));
    s.compile(lossName(), optimizer, metricNames());
    Vector initial = getInitialWeights();
    if (initial != null) {
      float[] params = s.params();
      Checks.argument(initial.size() == params.length, "initialWeights has %s values but layers "
          + "%s need %s", initial.size(), Arrays.toString(widths), params.length);
      for (int i = 0; i < params.length; i++) {
        params[i] = (float) initial.apply(i);
      }
    }
    return s;
  }

  private boolean lbfgs() {
    return MLPParamSet.LBFGS.equals(getSolver());
  }

  private DistributedOptions fitOptions() {
    FitOptions.Builder fit = FitOptions.builder().batchSize(getBatchSize())
        .epochs(lbfgs() ? getMaxIter() : getMaxEpochs()).seed(getSeed()).verbose(getVerbose());
    if (getEarlyStoppingPatience() > 0) {
      String monitor = getValidationFraction() > 0 ? Logs.VAL_PREFIX + Logs.LOSS : Logs.LOSS;
      fit.callbacks(new EarlyStopping(monitor, getEarlyStoppingPatience())
          .restoreBestWeights(true));
    }
    return DistributedOptions.builder().fit(fit.build()).featuresCol(getFeaturesCol())
        .labelCol(getLabelCol()).weightCol(getWeightCol()).numPartitions(getNumPartitions())
        .syncEvery(getSyncEvery()).build();
  }

  @SuppressWarnings("unchecked")
  private E self() {
    return (E) this;
  }

  @Override
  public E copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  // Setters, which chain with the stage's own type.

  public E setFeaturesCol(String value) {
    set(ps.featuresCol, value);
    return self();
  }

  public E setLabelCol(String value) {
    set(ps.labelCol, value);
    return self();
  }

  /** Rows weigh by this column's value (>= 0); "" weighs every row 1. */
  public E setWeightCol(String value) {
    set(ps.weightCol, value);
    return self();
  }

  public E setPredictionCol(String value) {
    set(ps.predictionCol, value);
    return self();
  }

  /** Widths from the input to the output, e.g. {784, 256, 128, 10}. */
  public E setLayers(int[] value) {
    set(ps.layers, MLPParamSet.checkLayers(value));
    return self();
  }

  public E setActivation(String value) {
    set(ps.activation, value);
    return self();
  }

  public E setKernelInitializer(String value) {
    set(ps.kernelInitializer, value);
    return self();
  }

  public E setDropout(double value) {
    set(ps.dropout, value);
    return self();
  }

  public E setL2(double value) {
    set(ps.l2, value);
    return self();
  }

  /**
   * MLlib's solver: "l-bfgs" (full-batch L-BFGS: maxIter, tol) or a minibatch optimizer's
   * name ("adam", "sgd", ...: maxEpochs, batchSize, learningRate).
   */
  public E setSolver(String value) {
    set(ps.solver, value);
    return self();
  }

  /** L-BFGS's iterations (solver "l-bfgs"); each is one row of the training summary. */
  public E setMaxIter(int value) {
    set(ps.maxIter, value);
    return self();
  }

  /** L-BFGS's convergence tolerance, relative to the loss (solver "l-bfgs"). */
  public E setTol(double value) {
    set(ps.tol, value);
    return self();
  }

  /** The weights to start from, flat in the model's layout; their count is checked at fit. */
  public E setInitialWeights(Vector value) {
    set(ps.initialWeights, value);
    return self();
  }

  /**
   * The solver by sparkmlp's optimizer name, an alias of {@link #setSolver}: "lbfgs" is
   * "l-bfgs", the others are the same names.
   */
  public E setOptimizer(String value) {
    set(ps.solver, MLPParamSet.solverOf(value));
    return self();
  }

  public E setLearningRate(double value) {
    set(ps.learningRate, value);
    return self();
  }

  public E setBatchSize(int value) {
    set(ps.batchSize, value);
    return self();
  }

  public E setMaxEpochs(int value) {
    set(ps.maxEpochs, value);
    return self();
  }

  public E setValidationFraction(double value) {
    set(ps.validationFraction, value);
    return self();
  }

  public E setEarlyStoppingPatience(int value) {
    set(ps.earlyStoppingPatience, value);
    return self();
  }

  public E setSeed(long value) {
    set(ps.seed, value);
    return self();
  }

  public E setNumPartitions(int value) {
    set(ps.numPartitions, value);
    return self();
  }

  /** Local steps between synchronisations; 1 (the default) is exact synchronous training. */
  public E setSyncEvery(int value) {
    set(ps.syncEvery, value);
    return self();
  }

  public E setVerbose(int value) {
    set(ps.verbose, value);
    return self();
  }
}
