/**
 * Data-parallel training on Apache Spark, the engine's transport: partitions hold dense
 * {@link io.sparkmlp.spark.Block}s, each step sends the weights and sums the partitions' results
 * in one job ({@link io.sparkmlp.spark.PartialSums}); {@link io.sparkmlp.spark.SparkSource} is
 * the gradient source of the one training loop, and the driver applies the optimizer. The
 * readers that turn files, RDDs and DataFrames into blocks are in
 * {@code io.sparkmlp.spark.source}.
 */
package io.sparkmlp.spark;
