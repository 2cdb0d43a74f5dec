/**
 * Spark ML Pipeline stages: {@link io.sparkmlp.ml.MLPClassifier} is a Spark
 * {@code ProbabilisticClassifier} and {@link io.sparkmlp.ml.MLPRegressor} a {@code Predictor};
 * their fitted models ({@code ProbabilisticClassificationModel}, {@code PredictionModel})
 * transform DataFrames in batches, persist with {@code write().save(path)} (a Sequential model
 * directory underneath), open {@code sparkmlp train}'s model directories too, and work inside
 * Pipelines, CrossValidator, TrainValidationSplit and OneVsRest. The classifier's
 * {@code evaluate} and training summary give MLlib's classification metrics. Training runs
 * through {@link io.sparkmlp.spark.SparkTraining}.
 */
package io.sparkmlp.ml;
