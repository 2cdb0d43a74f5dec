package io.sparkmlp.ml;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The params that sparkmlp's estimators and their models share, with Spark ML's getters. The
 * column params featuresCol, labelCol and predictionCol are Spark's own (Predictor and
 * PredictionModel declare them); the others live in an {@link MLPParamSet} that each stage
 * creates for itself, and Spark ML finds them through the public no-argument methods below,
 * which return them. Models carry
 * the estimator's training params too (as MLlib's models do), so a fitted model, for example
 * CrossValidator's best one, tells which settings produced it.
 */
public interface MLPParams extends Params {
  /** The stage's own Param objects (each stage creates its set for itself in its constructor). */
  MLPParamSet paramSet();

  /**
   * The features column: a Vector (dense or sparse), array&lt;float&gt; or array&lt;double&gt;
   * of layers[0] values. Spark's own param (from Predictor and PredictionModel).
   */
  Param<String> featuresCol();

  /** The label column; Spark's own param. */
  Param<String> labelCol();

  /** The prediction column; Spark's own param. */
  Param<String> predictionCol();

  String getFeaturesCol();

  String getLabelCol();

  String getPredictionCol();

  default Param<String> weightCol() {
    return paramSet().weightCol;
  }

  default IntArrayParam layers() {
    return paramSet().layers;
  }

  default Param<String> activation() {
    return paramSet().activation;
  }

  default Param<String> kernelInitializer() {
    return paramSet().kernelInitializer;
  }

  default DoubleParam dropout() {
    return paramSet().dropout;
  }

  default DoubleParam l2() {
    return paramSet().l2;
  }

  /** MLlib's solver: "l-bfgs" or a minibatch optimizer's name ("adam", ...). */
  default Param<String> solver() {
    return paramSet().solver;
  }

  default DoubleParam learningRate() {
    return paramSet().learningRate;
  }

  default IntParam batchSize() {
    return paramSet().batchSize;
  }

  default IntParam maxEpochs() {
    return paramSet().maxEpochs;
  }

  default IntParam maxIter() {
    return paramSet().maxIter;
  }

  default DoubleParam tol() {
    return paramSet().tol;
  }

  default Param<Vector> initialWeights() {
    return paramSet().initialWeights;
  }

  default DoubleParam validationFraction() {
    return paramSet().validationFraction;
  }

  default IntParam earlyStoppingPatience() {
    return paramSet().earlyStoppingPatience;
  }

  default LongParam seed() {
    return paramSet().seed;
  }

  default IntParam numPartitions() {
    return paramSet().numPartitions;
  }

  default IntParam syncEvery() {
    return paramSet().syncEvery;
  }

  default IntParam verbose() {
    return paramSet().verbose;
  }

  /** The weight column, or "" when rows are unweighted. */
  default String getWeightCol() {
    return isDefined(weightCol()) ? (String) getOrDefault(weightCol()) : "";
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

  default String getSolver() {
    return (String) getOrDefault(solver());
  }

  /** The solver as sparkmlp's optimizer name: "lbfgs" for "l-bfgs", else the same name. */
  default String getOptimizer() {
    return MLPParamSet.optimizerOf(getSolver());
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

  default int getMaxIter() {
    return (Integer) getOrDefault(maxIter());
  }

  default double getTol() {
    return (Double) getOrDefault(tol());
  }

  /** The weights to start from, or null when unset (drawn from the seed). */
  default Vector getInitialWeights() {
    return isDefined(initialWeights()) ? (Vector) getOrDefault(initialWeights()) : null;
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
