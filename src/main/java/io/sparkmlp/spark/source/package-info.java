/**
 * Readers of training data into {@link io.sparkmlp.spark.Block}s, one per partition, read by
 * the executors themselves: NumPy {@code .npy} and IDX files, CSV and LIBSVM text, Parquet, RDDs
 * of examples and DataFrames; and the preprocessing (scaling, one-hot labels, validation split)
 * fitted on them. {@link io.sparkmlp.spark.source.DataLoader} reads one configured source.
 */
package io.sparkmlp.spark.source;
