/**
 * The Keras-style face of sparkmlp: {@link io.sparkmlp.model.Sequential}, layers
 * ({@link io.sparkmlp.model.Dense}, {@link io.sparkmlp.model.Dropout}), compile, local fit,
 * evaluate, predict, {@link io.sparkmlp.model.History} and callbacks. No Spark.
 */
package io.sparkmlp.model;
