/**
 * The Keras-style face of sparkmlp: {@link io.sparkmlp.model.Sequential}, layers
 * ({@link io.sparkmlp.model.Dense}, {@link io.sparkmlp.model.Dropout}), compile, local fit,
 * evaluate, predict, {@link io.sparkmlp.model.History} and callbacks; and the one training loop
 * ({@link io.sparkmlp.model.Trainer}) with its step strategies (exact minibatch steps, local
 * steps, full-batch L-BFGS: {@link io.sparkmlp.model.FullBatchLbfgs}), the holder-side work
 * of a step ({@link io.sparkmlp.model.Shard}), checkpoints and resume, which Spark training
 * runs too.
 * No Spark.
 */
package io.sparkmlp.model;
