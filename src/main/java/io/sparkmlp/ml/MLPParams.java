package io.sparkmlp.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The params that sparkmlp's estimators and their models share, with Spark ML's getters. The
 * Param objects themselves live in an {@link MLPParamSet} owned by each stage; models carry
 * the estimator's training params too (as MLlib's models do), so a fitted model, for example
 * CrossValidator's best one, tells which settings produced it.
 */
public interface MLPParams extends Params {
  Param<String> featuresCol();

  Param<String> labelCol();

  Param<String> weightCol();

  Param<String> predictionCol();

  IntArrayParam layers();

  Param<String> activation();

  Param<String> kernelInitializer();

  DoubleParam dropout();

  DoubleParam l2();

  Param<String> optimizer();

  DoubleParam learningRate();

  IntParam batchSize();

  IntParam maxEpochs();

  DoubleParam validationFraction();

  IntParam earlyStoppingPatience();

  LongParam seed();

  IntParam numPartitions();

  IntParam syncEvery();

  IntParam verbose();

  default String getFeaturesCol() {
    return (String) getOrDefault(featuresCol());
  }

  default String getLabelCol() {
    return (String) getOrDefault(labelCol());
  }

  /** The weight column, or "" when rows are unweighted. */
  default String getWeightCol() {
    return isDefined(weightCol()) ? (String) getOrDefault(weightCol()) : "";
  }

  default String getPredictionCol() {
    return (String) getOrDefault(predictionCol());
  }

  default int[] getLayers() {
    return (int[]) getOrDefault(layers());
  }

  default String getActivation() {
    return (String) getOrDefault(activation());
  }

  default String getKernelInitializer() {
    return (String) getOrDefault(kernelInitializer());
  }

  default double getDropout() {
    return (Double) getOrDefault(dropout());
  }

  default double getL2() {
    return (Double) getOrDefault(l2());
  }

  default String getOptimizer() {
    return (String) getOrDefault(optimizer());
  }

  default double getLearningRate() {
    return (Double) getOrDefault(learningRate());
  }

  default int getBatchSize() {
    return (Integer) getOrDefault(batchSize());
  }

  default int getMaxEpochs() {
    return (Integer) getOrDefault(maxEpochs());
  }

  default double getValidationFraction() {
    return (Double) getOrDefault(validationFraction());
  }

  default int getEarlyStoppingPatience() {
    return (Integer) getOrDefault(earlyStoppingPatience());
  }

  default long getSeed() {
    return (Long) getOrDefault(seed());
  }

  default int getNumPartitions() {
    return (Integer) getOrDefault(numPartitions());
  }

  default int getSyncEvery() {
    return (Integer) getOrDefault(syncEvery());
  }

  default int getVerbose() {
    return (Integer) getOrDefault(verbose());
  }
}
