/**
 * Data without Spark: the float32 {@link io.sparkmlp.data.Matrix}, readers for NumPy
 * {@code .npy} and IDX files, and preprocessing (scaling, one-hot encoding, train/validation
 * splits, finiteness checks).
 */
package io.sparkmlp.data;
