package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import org.apache.spark.ml.util.MLWritable;

/**
 * What the fitted models share ({@link MLPClassificationModel} is a Spark
 * {@code ProbabilisticClassificationModel}, {@link MLPRegressionModel} a
 * {@code PredictionModel}): the trained {@link Sequential}, the params it was trained with, a
 * batched transform ({@link PartitionPredictor}) and ML persistence.
 * {@code write().save(path)} writes Spark ML's metadata plus the plain model directory at
 * {@code path/model}, which {@link Sequential#load} opens too; {@code load} opens that, or a
 * model directory written by {@code sparkmlp train} (see {@link CliModelDir}).
 */
public interface MLPModel extends MLPParams, MLWritable {
  /** Where, under a saved model's path, the Sequential model directory goes. */
  String NETWORK_DIR = "model";

  /**
   * The trained network (shared, not copied: train or change it and this model changes).
   * {@code model.network().predict(x)} predicts on local data without Spark.
   */
  Sequential network();
}
