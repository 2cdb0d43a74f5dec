/**
 * Data-parallel training on Apache Spark: partitions hold dense {@link io.sparkmlp.spark.Block}s,
 * each step broadcasts the weights and sums partition gradients in one job
 * ({@link io.sparkmlp.spark.PartialSums}; {@link io.sparkmlp.spark.SparkSource} is the gradient
 * source of the one training loop), the driver applies the optimizer. Data sources live here too.
 */
package io.sparkmlp.spark;
