package io.sparkmlp.ml;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.DefaultParamsWritable;

/**
 * What {@link MLPClassifier} (a Spark {@code ProbabilisticClassifier}) and {@link MLPRegressor}
 * (a Spark {@code Predictor}) share besides Spark's own column params: sparkmlp's training
 * params, with setters that chain with the stage's own type. Both build their network and train
 * it through {@link EstimatorFit}; the column setters (setFeaturesCol, setLabelCol,
 * setPredictionCol, ...) are Spark's.
 *
 * @param <E> the estimator itself, so setters chain with its type
 * @param <M> the model it fits
 */
public interface MLPEstimator<E extends MLPEstimator<E, M>, M extends MLPModel>
    extends MLPParams, DefaultParamsWritable {

  @SuppressWarnings("unchecked")
  private E self() {
    return (E) this;
  }

  /** Rows weigh by this column's value (>= 0); "" weighs every row 1. */
  default E setWeightCol(String value) {
    set(paramSet().weightCol, value);
    return self();
  }

  /** Widths from the input to the output, e.g. {784, 256, 128, 10}. */
  default E setLayers(int[] value) {
    set(paramSet().layers, MLPParamSet.checkLayers(value));
    return self();
  }

  default E setActivation(String value) {
    set(paramSet().activation, value);
    return self();
  }

  default E setKernelInitializer(String value) {
    set(paramSet().kernelInitializer, value);
    return self();
  }

  default E setDropout(double value) {
    set(paramSet().dropout, value);
    return self();
  }

  default E setL2(double value) {
    set(paramSet().l2, value);
    return self();
  }

  /**
   * MLlib's solver: "l-bfgs" (full-batch L-BFGS: maxIter, tol) or a minibatch optimizer's
   * name ("adam", "sgd", ...: maxEpochs, batchSize, learningRate).
   */
  default E setSolver(String value) {
    set(paramSet().solver, value);
    return self();
  }

  /** L-BFGS's iterations (solver "l-bfgs"); each is one row of the training summary. */
  default E setMaxIter(int value) {
    set(paramSet().maxIter, value);
    return self();
  }

  /** L-BFGS's convergence tolerance, relative to the loss (solver "l-bfgs"). */
  default E setTol(double value) {
    set(paramSet().tol, value);
    return self();
  }

  /** The weights to start from, flat in the model's layout; their count is checked at fit. */
  default E setInitialWeights(Vector value) {
    set(paramSet().initialWeights, value);
    return self();
  }

  /**
   * The solver by sparkmlp's optimizer name, an alias of {@link #setSolver}: "lbfgs" is
   * "l-bfgs", the others are the same names.
   */
  default E setOptimizer(String value) {
    set(paramSet().solver, MLPParamSet.solverOf(value));
    return self();
  }

  default E setLearningRate(double value) {
    set(paramSet().learningRate, value);
    return self();
  }

  default E setBatchSize(int value) {
    set(paramSet().batchSize, value);
    return self();
  }

  default E setMaxEpochs(int value) {
    set(paramSet().maxEpochs, value);
    return self();
  }

  default E setValidationFraction(double value) {
    set(paramSet().validationFraction, value);
    return self();
  }

  default E setEarlyStoppingPatience(int value) {
    set(paramSet().earlyStoppingPatience, value);
    return self();
  }

  default E setSeed(long value) {
    set(paramSet().seed, value);
    return self();
  }

  default E setNumPartitions(int value) {
    set(paramSet().numPartitions, value);
    return self();
  }

  /** Local steps between synchronisations; 1 (the default) is exact synchronous training. */
  default E setSyncEvery(int value) {
    set(paramSet().syncEvery, value);
    return self();
  }

  default E setVerbose(int value) {
    set(paramSet().verbose, value);
    return self();
  }
}
