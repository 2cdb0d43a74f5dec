package io.sparkmlp.bench;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.FashionMnist;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.DistributedTrainer;
import io.sparkmlp.spark.GradientSum;
import io.sparkmlp.spark.MatrixSource;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.TrainingBlocks;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Where the time of a distributed step goes, on the master it is given (local[2] unless
 * spark.master is set), with Fashion-MNIST in 2 partitions and the 784-256-128-10 network:
 * <ol>
 *   <li>an empty job over the cached blocks (Spark's fixed cost per job);</li>
 *   <li>broadcast + destroy of the 235k weights;</li>
 *   <li>broadcast + treeAggregate of a 235k-element gradient sum with no compute;</li>
 *   <li>full training epochs at global batch 128 and 1024: seconds per epoch and ms per step,
 *       and the driver's live heap after each epoch (it must stay flat as steps add up).</li>
 * </ol>
 * Usage: {@code SparkStepBench [epochs=2] [partitions=2]}.
 */
public final class SparkStepBench {
  private SparkStepBench() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    SparkSession.Builder b = SparkSession.builder().appName("sparkmlp-step-bench")
        .config("spark.ui.enabled", "false");
    if (System.getProperty("spark.master") == null) {
      b.master("local[2]");
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    try {
      Matrix[] d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
      Sequential model = build();
      TrainingBlocks train = TrainingBlocks.prepare(MatrixSource.blocks(jsc, d[0], d[1],
          partitions), model.network(), "fashion-mnist train");
      int p = model.network().numParams();
      System.out.printf(Locale.ROOT, "master %s, %d partitions, %,d parameters%n", jsc.master(),
          train.numPartitions(), p);

      double empty = time(300, () -> train.blocks().foreachPartition(it -> { }));
      float[] weights = model.params();
      double bcast = time(300, () -> jsc.broadcast(weights).destroy());
      double agg = time(300, () -> {
        Broadcast<float[]> bw = jsc.broadcast(weights);
        try {
          train.blocks().treeAggregate(GradientSum.empty(),
              (GradientSum acc, Block blk) -> acc.add(new float[bw.value().length],
                  new double[2], blk.rows()), GradientSum::merge, 1);
        } finally {
          bw.destroy();
        }
      });
      System.out.printf(Locale.ROOT, "empty job                         %6.2f ms%n", empty);
      System.out.printf(Locale.ROOT, "broadcast + destroy (235k floats) %6.2f ms%n", bcast);
      System.out.printf(Locale.ROOT, "broadcast + treeAggregate, no compute %6.2f ms "
          + "(%.2fx the empty job)%n", agg, agg / empty);

      for (int batch : new int[] {128, 1024}) {
        Sequential m = build();
        StringBuilder heap = new StringBuilder();
        Callback heapAfterEpoch = new Callback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl c) {
            heap.append(String.format(Locale.ROOT, " %.1f", usedHeapMiB()));
          }
        };
        History h = new DistributedTrainer(jsc, m, DistributedOptions.of(FitOptions.builder()
            .batchSize(batch).epochs(epochs).seed(7).verbose(0).callbacks(heapAfterEpoch)
            .build()))
            .fit(train, null);
        double best = h.get("seconds").stream().mapToDouble(x -> x).min().orElse(0);
        double steps = h.epoch(0).get("steps");
        System.out.printf(Locale.ROOT, "batch %4d: %.2f s/epoch (best of %d), %.2f ms/step, "
            + "%,.0f samples/s, loss %.4f%n", batch, best, epochs, best / steps * 1e3,
            60000 / best, h.last("loss"));
        System.out.println("  driver heap after GC at each epoch's end (MiB):" + heap);
      }
    } finally {
      spark.stop();
    }
  }

  /** The driver's live heap after a full GC: it must not grow with the number of steps. */
  private static double usedHeapMiB() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
  }

  private static double time(int reps, Runnable r) {
    for (int i = 0; i < reps / 3; i++) {
      r.run();
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      r.run();
    }
    return (System.nanoTime() - t0) / 1e6 / reps;
  }

  private static Sequential build() {
    return new Sequential().seed(7)
        .add(new Dense(256, "relu").inputDim(784))
        .add(new Dense(128, "relu"))
        .add(new Dense(10, "softmax"))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
  }
}
