/**
 * Data without Spark: the float32 {@link io.sparkmlp.data.Matrix}, readers for NumPy
 * {@code .npy} and IDX files, and preprocessing (scaling, one-hot encoding, train/validation
 * splits, finiteness checks) with its statistics: a mergeable per-column accumulator that a
 * local fit and a Spark aggregation over partitions share.
 */
package io.sparkmlp.data;
