/**
 * Data-parallel training on Apache Spark: partitions hold dense {@link io.sparkmlp.spark.Block}s,
 * each step broadcasts the weights and sums partition gradients with treeAggregate, the driver
 * applies the optimizer. Data sources, checkpoints and resume live here too.
 */
package io.sparkmlp.spark;
