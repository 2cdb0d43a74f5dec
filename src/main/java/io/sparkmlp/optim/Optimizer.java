package io.sparkmlp.optim;

import java.io.Serializable;
import java.util.Map;

/**
 * An optimizer: a first-order one that updates the weights from each minibatch's mean
 * gradient ({@link #step}), or full-batch L-BFGS ({@link Lbfgs}), whose iterations the
 * training loop runs through {@link LbfgsRun} instead. Instances hold only immutable
 * hyperparameters (they are broadcast and saved); everything that changes from step to step
 * lives in an {@link OptimizerState}.
 */
public interface Optimizer extends Serializable {

  /** Keras's name for this optimizer: "sgd", "adam", "adamw", "rmsprop", "adagrad"; "lbfgs". */
  String name();

  /** A fresh state for a parameter array of the given size. */
  OptimizerState newState(int numParams);

  /**
   * Applies one update to {@code params} in place from the mean gradient {@code grad} (same
   * layout). May modify {@code grad} (gradient clipping scales it). Allocates nothing.
   */
  void step(float[] params, float[] grad, OptimizerState state);

  /** The learning rate in effect at the given (1-based) step, after the schedule. */
  double learningRate(long step);

  /** Hyperparameters with Keras's names, enough for {@link Optimizers#fromConfig} to rebuild it. */
  Map<String, Object> config();
}
