package io.sparkmlp.spark;

import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.train.Evaluator;
import io.sparkmlp.train.FullBatchSums;
import io.sparkmlp.train.GradientSource;
import io.sparkmlp.train.JobTiming;
import io.sparkmlp.train.Logs;
import io.sparkmlp.train.OptimizerSnapshot;
import io.sparkmlp.train.StepPlan;
import io.sparkmlp.train.StepSums;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The gradient source of data-parallel training: cached blocks, one per partition. Each step
 * sends the flat weights ({@link Carried}: inside the task, or in a broadcast where they are
 * large), every partition's task adds up its slice of the global minibatch ({@link StepTask}),
 * takes its local steps ({@link LocalStepsTask}) or sums all its rows for a full-batch pass
 * ({@link FullBatchTask}), {@link PartialSums} sums the results, and every broadcast is
 * destroyed, also when the job fails. Each step's job is timed, its wall time against its
 * tasks' compute ({@link #lastJob}), for what {@code sync_every: auto} chooses. Jobs are
 * described as {@code epoch 3/10 step 120/469}, so the Spark UI reads like a log.
 */
final class SparkSource implements GradientSource {
  private final JavaSparkContext jsc;
  private final TrainingBlocks train;
  private final TrainingBlocks validation;
  private final int depth;
  private final int epochs;
  private Broadcast<Shipped<TrainingSpec>> spec;
  private String runId;
  private int steps;
  private int fullBatchPasses;
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
    jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d step %d/%d", epoch + 1,
        epochs, step + 1, steps));
  }

  @Override
  public StepSums gradient(float[] params, int epoch, int step, float[] grad) {
    long t0 = System.nanoTime();
    Carried<RawFloats> weights = Carried.weights(jsc, params);
    GradientSum sum;
    try {
      sum = sum(train, new StepTask(spec, weights, epoch, step), depth);
    } finally {
      weights.release();
    }
    lastJob = timing(t0, sum, 1);
    sum.gradientInto(grad);
    return StepSums.of(sum.sums(), sum.count(), sum.weight());
  }

  @Override
  public StepSums localSteps(float[] params, Optimizer optimizer, OptimizerState state,
                             int epoch, int firstStep, int k, float[] change) {
    long t0 = System.nanoTime();
    LocalStart from = LocalStart.of(params, OptimizerSnapshot.of(optimizer, state));
    Carried<LocalStart> start = Carried.of(jsc, from, from.bytes());
    GradientSum sum;
    try {
      sum = sum(train, new LocalStepsTask(spec, start, epoch, firstStep, k), depth);
    } finally {
      start.release();
    }
    lastJob = timing(t0, sum, k);
    sum.gradientInto(change);
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
  public StepSums fullBatch(float[] params, int epoch, float[] grad) {
    jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d full-batch pass %d",
        epoch + 1, epochs, ++fullBatchPasses));
    Carried<RawFloats> weights = Carried.weights(jsc, params);
    GradientSum sum;
    try {
      sum = sum(train, new FullBatchTask(spec, weights), depth);
    } finally {
      weights.release();
    }
    sum.gradientInto(grad);
    return StepSums.of(FullBatchSums.join(sum.sums()), sum.count(), sum.weight());
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

  /** Loss and metrics of params on blocks, keyed prefix + Keras's names. */
  static Map<String, Double> evaluate(JavaSparkContext jsc, Broadcast<Shipped<TrainingSpec>> spec,
                                      TrainingBlocks data, float[] params, int depth,
                                      String prefix) {
    Carried<RawFloats> weights = Carried.weights(jsc, params);
    GradientSum sum;
    try {
      sum = sum(data, new EvalTask(spec, weights), depth);
    } finally {
      weights.release();
    }
    StepPlan plan = spec.value().get().plan();
    return Evaluator.logs(plan.network(), plan.metrics(), sum.sums(), sum.weight(), params,
        prefix);
  }

  /**
   * One Spark job: task's sum over every block, merged into one. Every job of training and
   * evaluation goes through here, so how partial sums travel is decided in one place
   * ({@link PartialSums}).
   */
  static GradientSum sum(TrainingBlocks data, Function2<GradientSum, Block, GradientSum> task,
                         int depth) {
    return PartialSums.sum(data.blocks(), task, depth);
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
