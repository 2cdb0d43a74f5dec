package io.sparkmlp.optim;

/**
 * A first-order optimizer: it updates the weights from each minibatch's mean gradient
 * ({@link #step}). Instances hold only immutable hyperparameters (they are broadcast and
 * saved); everything that changes from step to step lives in an {@link OptimizerState}.
 */
public non-sealed interface Optimizer extends Minimizer {

  /**
   * Applies one update to {@code params} in place from the mean gradient {@code grad} (same
   * layout). May modify {@code grad} (gradient clipping scales it). Allocates nothing.
   */
  void step(float[] params, float[] grad, OptimizerState state);

  /**
   * {@link #step(float[], float[], OptimizerState)} with an estimate of each coordinate's squared
   * minibatch gradient for optimizers that keep second moments (Adam, AdamW, RMSprop, Adagrad),
   * used in place of {@code grad[i]²}; null means {@code grad[i]²}. Local steps need it: a holder
   * that steps on its own share of the minibatch sees a noisier gradient than the whole
   * minibatch's, and its square would inflate the second moment ({@link
   * io.sparkmlp.train.SecondMoment}). The estimate is unbiased, so one draw may be negative; the
   * second moment it updates is kept at least {@code floor} times what {@code grad[i]²} would
   * have made it, which keeps it positive. Optimizers without second moments ignore both.
   */
  default void step(float[] params, float[] grad, float[] squaredGrad, float floor,
                    OptimizerState state) {
    step(params, grad, state);
  }

  /** Whether {@link #step(float[], float[], float[], float, OptimizerState)} uses squaredGrad. */
  default boolean usesSquaredGradient() {
    return false;
  }

  /** The learning rate in effect at the given (1-based) step, after the schedule. */
  double learningRate(long step);
}
