/**
 * The training engine: the one loop ({@link io.sparkmlp.train.Trainer}) over a
 * {@link io.sparkmlp.train.GradientSource} (in-process, or Spark's partitions), its step
 * strategies (exact minibatch steps, local steps with averaging and their automatic choice,
 * full-batch L-BFGS), the one primitive between them (a {@link io.sparkmlp.train.ShardJob}
 * that the source runs on every holder and sums), the holder-side work
 * ({@link io.sparkmlp.train.Shard}, {@link io.sparkmlp.train.StepWorker},
 * {@link io.sparkmlp.train.MinibatchPlan}), the sums that travel back, the model of what a job
 * costs, checkpoints and resume, and the interface of the full-batch solver
 * ({@link io.sparkmlp.train.FullBatchSolver}) that the Spark layer implements with breeze.
 *
 * <p>It trains a {@link io.sparkmlp.train.Trainable} with {@link
 * io.sparkmlp.train.TrainingSettings} and reports to an {@link io.sparkmlp.train.EpochObserver}:
 * the Keras-style face ({@code io.sparkmlp.model}) implements those, so the engine depends on
 * nothing above it. No Spark.
 */
package io.sparkmlp.train;
