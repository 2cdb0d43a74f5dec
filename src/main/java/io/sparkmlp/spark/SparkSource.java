package io.sparkmlp.spark;

import io.sparkmlp.train.Evaluator;
import io.sparkmlp.train.GradientSource;
import io.sparkmlp.train.JobTiming;
import io.sparkmlp.train.Logs;
import io.sparkmlp.train.OptimizerSnapshot;
import io.sparkmlp.train.Shard;
import io.sparkmlp.train.ShardJob;
import io.sparkmlp.train.StepPlan;
import io.sparkmlp.train.StepSums;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The gradient source of data-parallel training: cached blocks, one per partition. Each job
 * sends the flat weights (and for local steps the optimizer state: {@link LocalStart}) as a
 * {@link Carried} value (inside the task, or in a broadcast where they are large); every
 * partition's {@link ShardTask} runs the strategy's {@link ShardJob} on its {@link Shard}
 * (its slice of the global minibatch, its local steps, a full-batch pass, an evaluation),
 * {@link PartialSums} sums the parts, and every broadcast is destroyed, also when the job
 * fails. Each job is timed, its wall time against its tasks' compute ({@link #lastJob}), for
 * what {@code sync_every: auto} chooses. Jobs are described as {@code epoch 3/10 step 120/469},
 * so the Spark UI reads like a log.
 */
final class SparkSource implements GradientSource {
  /** Rows per forward pass of an evaluation: efficient GEMMs, a workspace that stays in cache. */
  static final int EVAL_CHUNK_ROWS = 512;

  private final JavaSparkContext jsc;
  private final TrainingBlocks train;
  private final TrainingBlocks validation;
  private final int depth;
  private final int epochs;
  private Broadcast<Shipped<TrainingSpec>> spec;
  private String runId;
  private int steps;
  private int epoch;
  private JobTiming lastJob;

  /** Training blocks, validation blocks (null for none), aggregation depth, epochs run. */
  SparkSource(JavaSparkContext jsc, TrainingBlocks train, TrainingBlocks validation, int depth,
              int epochs) {
    this.jsc = jsc;
    this.train = train;
    this.validation = validation;
    this.depth = depth;
    this.epochs = epochs;
  }

  @Override
  public long rows() {
    return train.rows();
  }

  @Override
  public double weightSum() {
    return train.weightSum();
  }

  @Override
  public int numPartitions() {
    return train.numPartitions();
  }

  @Override
  public int maxPartitionRows() {
    return train.maxPartitionRows();
  }

  @Override
  public void start(StepPlan plan) {
    runId = UUID.randomUUID().toString();
    steps = plan.stepsPerEpoch();
    spec = jsc.broadcast(Shipped.of(new TrainingSpec(runId, plan)));
  }

  @Override
  public void beforeStep(int epoch, int step) {
    this.epoch = epoch;
    jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d step %d/%d", epoch + 1,
        epochs, step + 1, steps));
  }

  @Override
  public StepSums run(ShardJob job, float[] params, OptimizerSnapshot optimizer, float[] out) {
    if (job.label() != null) {
      jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d %s", epoch + 1, epochs,
          job.label()));
    }
    long t0 = System.nanoTime();
    GradientSum sum = sum(jsc, spec, train, true, job, params, optimizer, depth);
    lastJob = timing(t0, sum, job.steps());
    sum.gradientInto(out);
    return StepSums.of(sum.sums(), sum.count(), sum.weight());
  }

  /**
   * The job that started at t0 and returned sum: its tasks' compute, summed over partitions,
   * ran on at most as many slots as Spark has (partitions beyond that queue behind each other),
   * so the job's compute is that sum over the slots that ran at once.
   */
  private JobTiming timing(long t0, GradientSum sum, int steps) {
    double wall = (System.nanoTime() - t0) / 1e9;
    int concurrent = Math.max(1, Math.min(numPartitions(), jsc.defaultParallelism()));
    return new JobTiming(wall, sum.computeNanos() / 1e9 / concurrent, steps);
  }

  @Override
  public JobTiming lastJob() {
    return lastJob;
  }

  @Override
  public boolean hasValidation() {
    return validation != null;
  }

  @Override
  public Map<String, Double> validation(float[] params, int epoch) {
    jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d validation", epoch + 1,
        epochs));
    return evaluate(jsc, spec, validation, params, depth, Logs.VAL_PREFIX);
  }

  /**
   * Loss and metrics of params on blocks, keyed prefix + Keras's names: an evaluation job in
   * chunks of {@link #EVAL_CHUNK_ROWS}.
   */
  static Map<String, Double> evaluate(JavaSparkContext jsc, Broadcast<Shipped<TrainingSpec>> spec,
                                      TrainingBlocks data, float[] params, int depth,
                                      String prefix) {
    GradientSum sum = sum(jsc, spec, data, false, ShardJob.evaluation(EVAL_CHUNK_ROWS), params,
        null, depth);
    StepPlan plan = spec.value().get().plan();
    return Evaluator.logs(plan.network(), plan.metrics(), sum.sums(), sum.weight(), params,
        prefix);
  }

  /**
   * One Spark job: job's parts over every block of data at params (and optimizer), merged into
   * one. Every job of training and evaluation goes through here, so how the weights travel
   * ({@link Carried}) and how partial sums travel ({@link PartialSums}) are decided in one
   * place. cached: data is the run's training blocks, whose shards executors keep.
   */
  private static GradientSum sum(JavaSparkContext jsc, Broadcast<Shipped<TrainingSpec>> spec,
                                 TrainingBlocks data, boolean cached, ShardJob job,
                                 float[] params, OptimizerSnapshot optimizer, int depth) {
    LocalStart from = LocalStart.of(params, optimizer);
    Carried<LocalStart> start = Carried.of(jsc, from, from.bytes());
    try {
      return PartialSums.sum(data.blocks(), new ShardTask(spec, job, start, cached),
          depth);
    } finally {
      start.release();
    }
  }

  @Override
  public void close() {
    if (spec != null) {
      spec.destroy();
      PartitionCache.forget(runId);
      spec = null;
    }
  }
}
