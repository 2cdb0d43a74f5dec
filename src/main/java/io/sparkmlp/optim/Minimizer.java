package io.sparkmlp.optim;

import java.io.Serializable;
import java.util.Map;

/**
 * What {@code compile}'s optimizer names: how training minimizes the loss. Either a first-order
 * {@link Optimizer}, which updates the weights from each minibatch's mean gradient, or
 * {@link Lbfgs}, full-batch L-BFGS, whose iterations the engine's full-batch strategy runs
 * through a solver of the Spark layer (breeze). Both are immutable settings with a Keras name
 * and config (what model files keep), and their changing part lives in an
 * {@link OptimizerState}, which checkpoints save.
 */
public sealed interface Minimizer extends Serializable permits Optimizer, Lbfgs {

  /** Keras's name: "sgd", "adam", "adamw", "rmsprop", "adagrad"; "lbfgs". */
  String name();

  /** A fresh state for a parameter array of the given size. */
  OptimizerState newState(int numParams);

  /** Settings with Keras's names, enough for {@link Optimizers#fromConfig} to rebuild it. */
  Map<String, Object> config();
}
