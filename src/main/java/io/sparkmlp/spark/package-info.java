/**
 * Data-parallel training on Apache Spark, the engine's transport: partitions hold dense
 * {@link io.sparkmlp.spark.Block}s, each job sends the weights, runs the strategy's job on every
 * partition with one task class ({@code ShardTask}) and sums the partitions'
 * results ({@link io.sparkmlp.spark.PartialSums}); {@link io.sparkmlp.spark.SparkSource} is the
 * gradient source of the one training loop, and the driver applies the optimizer. L-BFGS runs
 * through breeze here ({@link io.sparkmlp.spark.BreezeLbfgs}), behind the engine's full-batch
 * solver interface. The readers that turn files, RDDs and DataFrames into blocks are in
 * {@code io.sparkmlp.spark.source}.
 */
package io.sparkmlp.spark;
