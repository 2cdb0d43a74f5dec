package io.sparkmlp.spark;

import io.sparkmlp.model.Evaluator;
import io.sparkmlp.model.FullBatchSums;
import io.sparkmlp.model.GradientSource;
import io.sparkmlp.model.Logs;
import io.sparkmlp.model.OptimizerSnapshot;
import io.sparkmlp.model.StepCost;
import io.sparkmlp.model.StepPlan;
import io.sparkmlp.model.StepSums;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * The gradient source of data-parallel training: cached blocks, one per partition. Each step
 * broadcasts the flat weights, every partition's task adds up its slice of the global
 * minibatch ({@link StepTask}), takes its local steps ({@link LocalStepsTask}) or sums all its
 * rows for a full-batch pass ({@link FullBatchTask}), {@link PartialSums} sums the results, and
 * every broadcast is destroyed, also when the job fails.
 * Jobs are described as {@code epoch 3/10 step 120/469}, so the Spark UI reads like a log.
 */
final class SparkSource implements GradientSource {
  /** Timed jobs without compute when measuring a step's cost; the fastest counts. */
  private static final int PROBES = 5;
  /**
   * Untimed jobs first: the first jobs load classes and set the partitions' shards up (with one
   * warm-up, Fashion-MNIST's job measured 111 ms against 55 ms with two).
   */
  private static final int WARM_UPS = 2;

  private final JavaSparkContext jsc;
  private final TrainingBlocks train;
  private final TrainingBlocks validation;
  private final int depth;
  private final int epochs;
  private Broadcast<Shipped<TrainingSpec>> spec;
  private String runId;
  private int steps;
  private int fullBatchPasses;

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
    Broadcast<RawFloats> bw = jsc.broadcast(RawFloats.of(params));
    GradientSum sum;
    try {
      sum = sum(train, new StepTask(spec, bw, epoch, step), depth);
    } finally {
      bw.destroy();
    }
    sum.gradientInto(grad);
    return StepSums.of(sum.sums(), sum.count(), sum.weight());
  }

  /**
   * The job's cost: the fastest of {@link #PROBES} jobs that broadcast the weights and return
   * gradient-sized zeros ({@link ProbeTask#empty}), after {@link #WARM_UPS}: other work on the
   * machine only ever adds time, so the minimum is the least noisy estimate. A step's compute,
   * after the JIT's warm-up ({@link ProbeTask#warmUp}): timed inside the tasks
   * ({@link ProbeTask#compute}), each partition's fastest repeat of a local step on its slice of
   * step 0, which no job's noise reaches (taken as the difference of two jobs' times, a small
   * network's step of a tenth of a millisecond drowned in a 50 ms job's noise). A local step,
   * not an exact step's gradient: it also runs the optimizer and estimates the second moments
   * from the slice's two halves. Partitions that share a task slot run one after the other, so
   * a step's compute is the partitions' sum over the slots that run them at once. A partition
   * stops as soon as a repeat is fast enough for auto to choose maxSyncEvery whatever the exact
   * figure ({@link StepCost#enoughCompute}).
   */
  @Override
  public StepCost stepCost(float[] params, OptimizerSnapshot optimizer, int maxSyncEvery) {
    jsc.setJobDescription("measuring a step's cost");
    for (int i = 0; i < WARM_UPS; i++) {
      emptyJobSeconds(params);
    }
    double job = Double.MAX_VALUE;
    for (int i = 0; i < PROBES; i++) {
      job = Math.min(job, emptyJobSeconds(params));
    }
    int concurrent = Math.max(1, Math.min(numPartitions(), jsc.defaultParallelism()));
    double share = (double) concurrent / numPartitions();
    double enough = StepCost.enoughCompute(job, maxSyncEvery) * share;
    computeSums(params, optimizer, (s, w, o) -> ProbeTask.warmUp(s, w, o, share, enough));
    double[] fastest = computeSums(params, optimizer,
        (s, w, o) -> ProbeTask.compute(s, w, o, share, enough));
    double compute = fastest == null ? 0 : fastest[0] / concurrent;
    return new StepCost(job, compute);
  }

  /** Seconds of a {@link ProbeTask#empty} job, its broadcast included. */
  private double emptyJobSeconds(float[] params) {
    long t0 = System.nanoTime();
    Broadcast<RawFloats> bw = jsc.broadcast(RawFloats.of(params));
    try {
      sum(train, ProbeTask.empty(spec, bw), depth);
    } finally {
      bw.destroy();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A {@link ProbeTask} that times local steps, from the broadcast weights and state. */
  private interface ComputeProbe {
    ProbeTask of(Broadcast<Shipped<TrainingSpec>> spec, Broadcast<RawFloats> params,
                 Broadcast<Shipped<OptimizerSnapshot>> optimizer);
  }

  /** Runs probe's job; returns its sums (the partitions' fastest local steps, summed). */
  private double[] computeSums(float[] params, OptimizerSnapshot optimizer, ComputeProbe probe) {
    Broadcast<RawFloats> bw = jsc.broadcast(RawFloats.of(params));
    Broadcast<Shipped<OptimizerSnapshot>> bs = jsc.broadcast(Shipped.of(optimizer));
    try {
      return sum(train, probe.of(spec, bw, bs), depth).sums();
    } finally {
      bw.destroy();
      bs.destroy();
    }
  }

  @Override
  public StepSums localSteps(float[] params, Optimizer optimizer, OptimizerState state,
                             int epoch, int firstStep, int k, float[] change) {
    Broadcast<RawFloats> bw = jsc.broadcast(RawFloats.of(params));
    Broadcast<Shipped<OptimizerSnapshot>> bs = jsc.broadcast(Shipped.of(OptimizerSnapshot.of(optimizer, state)));
    GradientSum sum;
    try {
      sum = sum(train, new LocalStepsTask(spec, bw, bs, epoch, firstStep, k), depth);
    } finally {
      bw.destroy();
      bs.destroy();
    }
    sum.gradientInto(change);
    return StepSums.of(sum.sums(), sum.count(), sum.weight());
  }

  @Override
  public StepSums fullBatch(float[] params, int epoch, float[] grad) {
    jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d full-batch pass %d",
        epoch + 1, epochs, ++fullBatchPasses));
    Broadcast<float[]> bw = jsc.broadcast(params);
    GradientSum sum;
    try {
      sum = sum(train, new FullBatchTask(spec, bw), depth);
    } finally {
      bw.destroy();
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
    Broadcast<RawFloats> bw = jsc.broadcast(RawFloats.of(params));
    GradientSum sum;
    try {
      sum = sum(data, new EvalTask(spec, bw), depth);
    } finally {
      bw.destroy();
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
