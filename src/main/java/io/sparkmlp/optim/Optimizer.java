package io.sparkmlp.optim;

import java.io.Serializable;
import java.util.Map;

/**
 * A first-order optimizer. Instances hold only immutable hyperparameters (they are broadcast
 * and saved); everything that changes from step to step lives in an {@link OptimizerState}.
 */
public interface Optimizer extends Serializable {

  /** Keras's name for this optimizer: "sgd", "adam", "adamw", "rmsprop", "adagrad". */
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
