package io.sparkmlp.bench;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.FashionMnist;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.Carried;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.DistributedTrainer;
import io.sparkmlp.spark.GradientSum;
import io.sparkmlp.spark.LocalStart;
import io.sparkmlp.spark.PartialSums;
import io.sparkmlp.spark.RawFloats;
import io.sparkmlp.spark.Shipped;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.spark.source.MatrixSource;
import io.sparkmlp.train.OptimizerSnapshot;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The fixed cost of a distributed step as partitions grow, on the master it is given (local[2]
 * unless spark.master is set), with Fashion-MNIST cached in P blocks and the 784-256-128-10
 * network's 235k weights. For each P, in interleaved rounds (so that the machine's load
 * drifts alike for all), the median over many rounds after a warm-up of:
 * <ol>
 *   <li>an empty job through Spark's API ({@code foreachPartition} doing nothing);</li>
 *   <li>an empty job through sparkmlp's own job ({@link PartialSums}, a task that adds
 *       nothing): the floor a step can reach;</li>
 *   <li>broadcast + destroy of the weights (as {@link RawFloats}, as sparkmlp sends weights
 *       too large to ride inside the task);</li>
 *   <li>the step as it was: broadcast of the float[] + {@code treeAggregate} of a 235k-float
 *       partial sum per partition, no compute, at the depth the old automatic rule chose (1 up
 *       to 8 partitions, one more per factor 8);</li>
 *   <li>sparkmlp's step: the weights as {@link Carried} sends them (inside the task, for these
 *       235k weights) + {@link PartialSums} at the depth {@link DistributedOptions#depthFor}
 *       chooses, no compute.</li>
 * </ol>
 * Then, with epochs &gt; 0, Fashion-MNIST epochs at global batch 128 (ms per step, best epoch)
 * and the driver's live heap after each (it must stay flat as steps add up). Prints one
 * Markdown table. Usage: {@code SparkStepBench [epochs=1] [partitions...=2 8 32 64]};
 * {@code -Dbench.rounds=N} sets the measured rounds (default 60, plus a third as warm-up, and
 * before the first P at least {@code -Dbench.warmupSeconds=S}, default 100, of warm-up rounds),
 * {@code -Dbench.depth=D} the depth of the PartialSums cases (default: the automatic one),
 * {@code -Dbench.only=1,4} runs only those cases (numbered from 0 as above; for profiling),
 * {@code -Dbench.parts=true} adds a second table that takes the step apart (cases 5-7),
 * {@code -Dbench.localSteps=true} one of a local-steps job's traffic (cases 8-9).
 */
public final class SparkStepBench {
  /** Whether a first partition count has warmed the driver and executors up. */
  private static boolean warmedUp;
  private static final String HEADER = "| P | empty job, foreachPartition | empty job, "
      + "PartialSums | broadcast + destroy | step before: broadcast + treeAggregate | step: "
      + "weights carried + PartialSums | step / empty (foreachPartition) | step / empty "
      + "(PartialSums) | step / step at first P | batch-128 step, training (ms) | driver heap "
      + "after each epoch (MiB) |\n|---|---|---|---|---|---|---|---|---|---|---|";

  private SparkStepBench() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int[] partitionCounts = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {2, 8, 32, 64};
    int rounds = Integer.getInteger("bench.rounds", 60);
    SparkSession spark = BenchSession.start("sparkmlp-step-bench");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    try {
      Matrix[] d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
      float[] weights = build().params();
      System.out.printf(Locale.ROOT, "master %s, %,d parameters, %d rounds per P, medians in ms"
          + "%n%n", jsc.master(), weights.length, rounds);
      System.out.println(HEADER);
      double baseStep = Double.NaN;
      StringBuilder parts = new StringBuilder();
      StringBuilder localSteps = new StringBuilder();
      for (int partitions : partitionCounts) {
        TrainingBlocks train = TrainingBlocks.prepare(MatrixSource.blocks(jsc, d[0], d[1],
            partitions), build().network(), "fashion-mnist train");
        double[] m = fixedCosts(jsc, train, weights, rounds);
        baseStep = Double.isNaN(baseStep) ? m[4] : baseStep;
        String training = epochs > 0 ? train(jsc, train, epochs) : "| – | – ";
        System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f (depth %d) | %.2f "
            + "(depth %d) | %.2f× | %.2f× | %.2f× %s|%n", partitions, m[0], m[1], m[2], m[3],
            oldDepth(partitions), m[4], depth(partitions), m[4] / m[0], m[4] / m[1],
            m[4] / baseStep, training);
        if (Boolean.getBoolean("bench.parts")) {
          parts.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              partitions, m[4], m[5], m[6], m[7], m[1]));
        }
        if (Boolean.getBoolean("bench.localSteps")) {
          localSteps.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f |%n",
              partitions, m[8], m[9], m[1]));
        }
        train.release();
      }
      if (localSteps.length() > 0) {
        System.out.printf(Locale.ROOT, "%nA local-steps job's traffic, no compute (medians, "
            + "ms):%n%n| P | two broadcasts (weights raw, snapshot Java-serialized) | one raw "
            + "broadcast (LocalStart) | empty PartialSums job |%n|---|---|---|---|%n%s",
            localSteps);
      }
      if (parts.length() > 0) {
        System.out.printf(Locale.ROOT, "%nThe step's parts (medians, ms):%n%n| P | step | "
            + "broadcast read, tiny result | gradient-sized result, no broadcast | step with the "
            + "weights in a broadcast of their own | empty PartialSums job |%n|---|---|---|---|---|"
            + "---|%n%s", parts);
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * Medians of the five fixed costs, measured in interleaved rounds after rounds/3 warm-up
   * rounds: empty job (Spark API), empty job (PartialSums), broadcast, old step, our step.
   */
  private static double[] fixedCosts(JavaSparkContext jsc, TrainingBlocks train, float[] weights,
                                     int rounds) {
    int n = weights.length;
    OptimizerSnapshot snapshot = adamSnapshot(n);
    int oldDepth = oldDepth(train.numPartitions());
    int depth = depth(train.numPartitions());
    Runnable[] cases = {
        () -> train.blocks().foreachPartition(it -> { }),
        () -> PartialSums.sum(train.blocks(), (acc, blk) -> acc, depth),
        () -> jsc.broadcast(RawFloats.of(weights)).destroy(),
        () -> step(jsc, weights, bw -> train.blocks().treeAggregate(GradientSum.empty(),
            noCompute(bw, n), GradientSum::merge, oldDepth)),
        () -> carried(jsc, weights, w -> PartialSums.sum(train.blocks(), noCompute(w, n),
            depth)),
        // The step's parts (-Dbench.parts=true): the broadcast read with a tiny result; a
        // gradient-sized result without a broadcast; the weights in a broadcast of their own
        // (sparkmlp's step before Carried put weights this small inside the task).
        () -> step(jsc, RawFloats.of(weights), bw -> PartialSums.sum(train.blocks(),
            readOnly(bw), depth)),
        () -> PartialSums.sum(train.blocks(), resultOnly(n), depth),
        () -> step(jsc, RawFloats.of(weights), bw -> PartialSums.sum(train.blocks(),
            noCompute(bw, n), depth)),
        // A local-steps job's traffic without its compute (-Dbench.localSteps=true): Adam's
        // weights and two slots out, their changes (3n floats a partition) back; as two
        // broadcasts (the weights raw, the optimizer snapshot Java-serialized, as before), then
        // as sparkmlp sends them now: one broadcast, all raw (LocalStart).
        () -> step(jsc, RawFloats.of(weights), bw -> step(jsc, Shipped.of(snapshot),
            bs -> PartialSums.sum(train.blocks(), twoBroadcasts(bw, bs), depth))),
        () -> step(jsc, LocalStart.of(weights, snapshot),
            bs -> PartialSums.sum(train.blocks(), oneBroadcast(bs), depth)),
    };
    String only = System.getProperty("bench.only", "0,1,2,3,4"
        + (Boolean.getBoolean("bench.parts") ? ",5,6,7" : "")
        + (Boolean.getBoolean("bench.localSteps") ? ",8,9" : ""));
    double[][] ms = new double[cases.length][rounds];
    // Warm-up: a third of the rounds, and at first at least bench.warmupSeconds (default 100):
    // a cluster's executors are JVMs of their own, and their JIT takes longer than the driver's
    // (on the standalone cluster, `spark-step.sh 0 2 2 2` measured the step at 100, 91 and
    // 43 ms, one P = 2 row after the other, before this; with 30 s of warm-up an empty
    // PartialSums job still measured 32-38 ms, after 100-150 s 17-20 ms).
    long warmUntil = System.nanoTime() + (warmedUp ? 0
        : (long) (Double.parseDouble(System.getProperty("bench.warmupSeconds", "100")) * 1e9));
    warmedUp = true;
    for (int w = 0; w < rounds / 3 || System.nanoTime() < warmUntil; w++) {
      round(cases, only, null, 0);
    }
    for (int c = 0; c < cases.length; c++) {
      if (!only.contains(Integer.toString(c))) {
        Arrays.fill(ms[c], Double.NaN);
      }
    }
    for (int r = 0; r < rounds; r++) {
      round(cases, only, ms, r);
    }
    double[] medians = new double[cases.length];
    for (int c = 0; c < cases.length; c++) {
      Arrays.sort(ms[c]);
      medians[c] = ms[c][rounds / 2];
    }
    return medians;
  }

  /** One round: every case in only, once, in order; its time in ms[case][r] (null: warm-up). */
  private static void round(Runnable[] cases, String only, double[][] ms, int r) {
    for (int c = 0; c < cases.length; c++) {
      if (only.contains(Integer.toString(c))) {
        long t0 = System.nanoTime();
        cases[c].run();
        if (ms != null) {
          ms[c][r] = (System.nanoTime() - t0) / 1e6;
        }
      }
    }
  }

  /** A per-block task that computes nothing but sends a gradient-sized partial sum. */
  private static Function2<GradientSum, Block, GradientSum> noCompute(Broadcast<?> bw, int n) {
    return (acc, blk) -> acc.add(gradientBuffer(bw.value() != null ? n : 0), new double[2],
        blk.rows());
  }

  /** The executor thread's zero gradient of n floats, reused as ShardTask reuses its Shard's. */
  private static final ThreadLocal<float[]> GRADIENT =
      ThreadLocal.withInitial(() -> new float[0]);

  private static float[] gradientBuffer(int n) {
    if (GRADIENT.get().length != n) {
      GRADIENT.set(new float[n]);
    }
    return GRADIENT.get();
  }

  /** Adam's state for n weights, random (as trained slots are, which do not compress). */
  private static OptimizerSnapshot adamSnapshot(int n) {
    Random random = new Random(3);
    float[][] slots = new float[2][n];
    for (float[] slot : slots) {
      for (int i = 0; i < n; i++) {
        slot[i] = random.nextFloat() * 1e-3f;
      }
    }
    return OptimizerSnapshot.of((Optimizer) Optimizers.byName("adam"), new OptimizerState(100, slots));
  }

  /** Reads both broadcasts, as a local-steps task does, and sends back 3n floats. */
  private static Function2<GradientSum, Block, GradientSum> twoBroadcasts(
      Broadcast<RawFloats> bw, Broadcast<Shipped<OptimizerSnapshot>> bs) {
    return (acc, blk) -> acc.add(new float[bw.value().values().length
        + bs.value().get().slots().length * bs.value().get().slots()[0].length], new double[2],
        blk.rows());
  }

  /** Reads the one broadcast, as a local-steps task does, and sends back 3n floats. */
  private static Function2<GradientSum, Block, GradientSum> oneBroadcast(
      Broadcast<LocalStart> bs) {
    return (acc, blk) -> acc.add(new float[bs.value().params().length
        + bs.value().optimizer().slots().length * bs.value().params().length], new double[2],
        blk.rows());
  }

  /** Reads the broadcast weights and sends back only the row count. */
  private static Function2<GradientSum, Block, GradientSum> readOnly(Broadcast<RawFloats> bw) {
    return (acc, blk) -> acc.addSums(new double[] {bw.value().values().length}, blk.rows());
  }

  /** Sends back a gradient-sized partial sum without reading any weights. */
  private static Function2<GradientSum, Block, GradientSum> resultOnly(int n) {
    return (acc, blk) -> acc.add(gradientBuffer(n), new double[2], blk.rows());
  }

  /** A task that computes nothing but reads the weights the job carries, as ShardTask does. */
  private static Function2<GradientSum, Block, GradientSum> noCompute(Carried<RawFloats> w,
                                                                      int n) {
    return (acc, blk) -> acc.add(gradientBuffer(w.value().values().length == n ? n : 0),
        new double[2], blk.rows());
  }

  /** The weights carried as sparkmlp's step carries them (Carried), the job, the release. */
  private static void carried(JavaSparkContext jsc, float[] weights,
                              java.util.function.Consumer<Carried<RawFloats>> job) {
    Carried<RawFloats> w = Carried.weights(jsc, weights);
    try {
      job.accept(w);
    } finally {
      w.release();
    }
  }

  private interface Job<T> {
    void run(Broadcast<T> bw);
  }

  /** Broadcast the weights, run the job, destroy the broadcast: a step without compute. */
  private static <T> void step(JavaSparkContext jsc, T weights, Job<T> job) {
    Broadcast<T> bw = jsc.broadcast(weights);
    try {
      job.run(bw);
    } finally {
      bw.destroy();
    }
  }

  /** The depth of the PartialSums cases: -Dbench.depth, or the automatic one. */
  private static int depth(int partitions) {
    return Integer.getInteger("bench.depth",
        DistributedOptions.builder().build().depthFor(partitions));
  }

  /** The automatic treeAggregate depth before this benchmark's measurements changed it. */
  private static int oldDepth(int partitions) {
    int depth = 1;
    for (long reach = 8; reach < partitions; reach *= 8) {
      depth++;
    }
    return depth;
  }

  /** Table cells: ms per batch-128 step (best epoch) and the driver's heap after each epoch. */
  private static String train(JavaSparkContext jsc, TrainingBlocks train, int epochs) {
    Sequential m = build();
    StringBuilder heap = new StringBuilder();
    Callback heapAfterEpoch = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl c) {
        heap.append(String.format(Locale.ROOT, " %.0f", usedHeapMiB()));
      }
    };
    History h = new DistributedTrainer(jsc, m, DistributedOptions.of(FitOptions.builder()
        .batchSize(128).epochs(epochs).seed(7).verbose(0).callbacks(heapAfterEpoch).build()))
        .fit(train, null);
    double best = h.get("seconds").stream().mapToDouble(x -> x).min().orElse(0);
    double steps = h.epoch(0).get("steps");
    return String.format(Locale.ROOT, "| %.1f (loss %.4f) |%s ", best / steps * 1e3,
        h.last("loss"), heap);
  }

  /** The driver's live heap after a full GC: it must not grow with the number of steps. */
  private static double usedHeapMiB() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
  }

  private static Sequential build() {
    return new Sequential().seed(7)
        .add(new Dense(256, "relu").inputDim(784))
        .add(new Dense(128, "relu"))
        .add(new Dense(10, "softmax"))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
  }
}
