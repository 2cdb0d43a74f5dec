/**
 * First-order optimizers with Keras's semantics and defaults ({@link io.sparkmlp.optim.Sgd},
 * {@link io.sparkmlp.optim.Adam}, {@link io.sparkmlp.optim.AdamW},
 * {@link io.sparkmlp.optim.RmsProp}, {@link io.sparkmlp.optim.Adagrad}), learning-rate
 * schedules, and gradient clipping by global norm.
 *
 * <p>An {@link io.sparkmlp.optim.Optimizer} holds only immutable hyperparameters, so it can be
 * broadcast and saved; the step count and per-parameter slots live in an
 * {@link io.sparkmlp.optim.OptimizerState}. Parameters, gradients and slots are flat
 * {@code float[]} arrays of one layout. {@code step} takes the mean gradient of the minibatch,
 * updates the parameters in place and allocates nothing.
 *
 * <p>{@link io.sparkmlp.optim.Lbfgs} is the full-batch exception: the settings of L-BFGS, not
 * an {@code Optimizer}; what {@code compile} takes is either, a
 * {@link io.sparkmlp.optim.Minimizer}. The engine runs L-BFGS one iteration per epoch of fit
 * through a full-batch solver that the Spark layer implements with breeze's {@code LBFGS}, its
 * memory kept in the optimizer state so that checkpoints resume it exactly. This package
 * imports no Scala.
 *
 * <p>Each first-order optimizer's hyperparameters are one record ({@code Adam.Settings}, ...)
 * that owns their {@code DEFAULT_*} constants, defaults null components and checks ranges in
 * its compact constructor; {@code compile.optimizer} binds to it with Jackson, and
 * {@code config()} writes it back under Keras's names ({@code learning_rate}, {@code beta_1},
 * ...), from which {@link io.sparkmlp.optim.Optimizers#fromConfig} rebuilds the optimizer.
 * Schedules are indexed like Keras's: {@code at(i)} is the rate after i completed updates.
 */
package io.sparkmlp.optim;
