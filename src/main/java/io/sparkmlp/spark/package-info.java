/**
 * Data-parallel training on Apache Spark: partitions hold dense {@link io.sparkmlp.spark.Block}s,
 * each step broadcasts the weights and sums partition gradients with treeAggregate
 * ({@link io.sparkmlp.spark.SparkSource}, the gradient source of the one training loop), the
 * driver applies the optimizer. Data sources live here too.
 */
package io.sparkmlp.spark;
