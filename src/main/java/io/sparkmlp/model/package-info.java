/**
 * The Keras-style face of sparkmlp, what users touch: {@link io.sparkmlp.model.Sequential},
 * layers ({@link io.sparkmlp.model.Dense}, {@link io.sparkmlp.model.Dropout}), compile, local
 * fit, evaluate, predict, {@link io.sparkmlp.model.FitOptions},
 * {@link io.sparkmlp.model.History} and callbacks. Fitting hands the model to the engine in
 * {@code io.sparkmlp.train}, which this package uses and which never uses it. No Spark.
 */
package io.sparkmlp.model;
