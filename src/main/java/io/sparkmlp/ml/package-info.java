/**
 * Spark ML Pipeline stages: {@link io.sparkmlp.ml.MLPClassifier} and
 * {@link io.sparkmlp.ml.MLPRegressor} are {@code org.apache.spark.ml} Estimators whose fitted
 * Models transform DataFrames, persist with {@code write().save(path)} (a Sequential model
 * directory underneath) and work inside Pipelines, CrossValidator and TrainValidationSplit.
 * Training runs through {@link io.sparkmlp.spark.SparkTraining}.
 */
package io.sparkmlp.ml;
