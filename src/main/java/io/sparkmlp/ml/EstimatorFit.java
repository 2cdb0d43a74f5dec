package io.sparkmlp.ml;

import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Dropout;
import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.train.Logs;
import io.sparkmlp.util.Checks;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The training both estimators share (they extend different Spark classes, so it cannot be a
 * common superclass): the checks of the input columns, the network the params describe (Dense
 * layers of {@code layers[1..]} with the hidden activation, Dropout after each hidden layer
 * when set), and the fit through {@link SparkTraining} (broadcast weights, treeAggregate'd
 * gradients, the optimizer on the driver).
 */
final class EstimatorFit {
  private EstimatorFit() {}

  /** What one fit produced: the trained network, its history and the rows it trained on. */
  record Result(Sequential network, History history, Dataset<Row> trainingRows) {}

  /** The checks every estimator makes: layers set, features and weight columns usable. */
  static void checkInputs(String stage, MLPParams p, StructType schema) {
    if (!p.isDefined(p.layers())) {
      throw new IllegalArgumentException(stage + ": layers is not set; set the widths from "
          + "the input to the output, e.g. setLayers(new int[]{784, 128, 10})");
    }
    SchemaChecks.features(stage, schema, p.getFeaturesCol(), p.getLayers()[0]);
    if (!p.getWeightCol().isEmpty()) {
      SchemaChecks.numeric(stage, schema, p.getWeightCol(), "weight");
    }
  }

  /** Builds the network, trains it on the dataset (less the validation fraction). */
  static Result train(String stage, MLPParams p, Dataset<?> dataset, String loss,
                      String outputActivation, String[] metrics) {
    Sequential network = buildNetwork(p, loss, outputActivation, metrics);
    DistributedOptions options = fitOptions(p);
    Dataset<Row> df = dataset.toDF();
    double fraction = p.getValidationFraction();
    History history;
    Dataset<Row> trainingRows = df;
    try {
      if (fraction > 0) {
        Dataset<Row>[] parts = df.randomSplit(new double[] {1 - fraction, fraction},
            p.getSeed());
        trainingRows = parts[0];
        history = SparkTraining.fit(network, parts[0], parts[1], options);
      } else {
        history = SparkTraining.fit(network, df, options);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(trainingError(stage, p, e.getMessage()), e);
    }
    return new Result(network, history, trainingRows);
  }

  /**
   * A data error from training, prefixed with the stage and the columns and split it read:
   * the trainer names rows and data sets ("training data labels: row 3 ..."), not Spark ML's
   * columns and params.
   */
  private static String trainingError(String stage, MLPParams p, String message) {
    StringBuilder where = new StringBuilder(stage).append(" (featuresCol '")
        .append(p.getFeaturesCol()).append("', labelCol '").append(p.getLabelCol()).append('\'');
    if (!p.getWeightCol().isEmpty()) {
      where.append(", weightCol '").append(p.getWeightCol()).append('\'');
    }
    if (p.getValidationFraction() > 0) {
      where.append(", validationFraction ").append(p.getValidationFraction())
          .append(" held out at random");
    }
    return where.append("): ").append(message).toString();
  }

  /** The untrained network the params describe, compiled with the optimizer. */
  static Sequential buildNetwork(MLPParams p, String loss, String outputActivation,
                                 String[] metrics) {
    int[] widths = p.getLayers();
    Sequential s = new Sequential().seed(p.getSeed());
    for (int i = 1; i < widths.length; i++) {
      boolean hidden = i < widths.length - 1;
      Dense dense = new Dense(widths[i], hidden ? p.getActivation() : outputActivation)
          .kernelInitializer(p.getKernelInitializer()).l2(p.getL2());
      s.add(i == 1 ? dense.inputDim(widths[0]) : dense);
      if (hidden && p.getDropout() > 0) {
        s.add(new Dropout(p.getDropout()));
      }
    }
    Minimizer optimizer = lbfgs(p)
        ? Lbfgs.builder().maxIter(p.getMaxIter()).tol(p.getTol()).build()
        : Optimizers.fromConfig(p.getOptimizer(), Map.of("learning_rate", p.getLearningRate()));
    s.compile(loss, optimizer, metrics);
    Vector initial = p.getInitialWeights();
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

  private static boolean lbfgs(MLPParams p) {
    return MLPParamSet.LBFGS.equals(p.getSolver());
  }

  private static DistributedOptions fitOptions(MLPParams p) {
    FitOptions.Builder fit = FitOptions.builder().batchSize(p.getBatchSize())
        .epochs(lbfgs(p) ? p.getMaxIter() : p.getMaxEpochs()).seed(p.getSeed())
        .verbose(p.getVerbose());
    if (p.getEarlyStoppingPatience() > 0) {
      String monitor = p.getValidationFraction() > 0 ? Logs.VAL_PREFIX + Logs.LOSS : Logs.LOSS;
      fit.callbacks(new EarlyStopping(monitor, p.getEarlyStoppingPatience())
          .restoreBestWeights(true));
    }
    return DistributedOptions.builder().fit(fit.build()).featuresCol(p.getFeaturesCol())
        .labelCol(p.getLabelCol()).weightCol(p.getWeightCol()).numPartitions(p.getNumPartitions())
        .syncEvery(p.getSyncEvery()).build();
  }
}
