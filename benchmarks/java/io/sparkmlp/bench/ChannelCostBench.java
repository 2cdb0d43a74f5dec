package io.sparkmlp.bench;

import io.sparkmlp.spark.RawFloats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * What the 235k weights of Fashion-MNIST's 784-256-128-10 network (0.94 MB of random floats,
 * as {@link RawFloats}) cost by each way a Spark job can carry them, and what a gradient-sized
 * task result costs, against an empty job over P tiny partitions. Medians of interleaved rounds
 * after a warm-up, one Markdown table. It is why {@code Carried} puts small values inside the
 * task (its own broadcast adds a fetch) rather than in each task's partition (no cheaper, and
 * one copy per task instead of per executor). Usage: {@code ChannelCostBench [P=2]};
 * {@code -Dbench.rounds=N} (default 150), {@code -Dbench.warmupSeconds=S} (default 100),
 * {@code -Dbench.only=0,4} runs only those cases (numbered from 0 in the table's order; for
 * profiling one channel).
 */
public final class ChannelCostBench {
  private static final int WEIGHTS = 235_146;

  private ChannelCostBench() {}

  public static void main(String[] args) {
    int p = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int rounds = Integer.getInteger("bench.rounds", 150);
    double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmupSeconds", "100"));
    SparkSession spark = BenchSession.start("sparkmlp-channel-cost");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    try {
      RawFloats weights = RawFloats.of(randomFloats(WEIGHTS));
      List<Integer> indices = new ArrayList<>();
      List<RawFloats> copies = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        indices.add(i);
        copies.add(weights);
      }
      JavaRDD<Integer> tiny = jsc.parallelize(indices, p);
      String[] names = {"empty job (tiny result)", "weights inside the task (task binary)",
          "weights in each task's partition (launch message)", "weights in a broadcast of their own",
          "gradient-sized result", "weights inside the task + gradient-sized result"};
      Runnable[] cases = {
          () -> tiny.mapPartitions(it -> one(1)).collect(),
          () -> tiny.mapPartitions(it -> one(weights.values().length)).collect(),
          () -> jsc.parallelize(copies, p).mapPartitions(it -> one(it.next().values().length))
              .collect(),
          () -> {
            Broadcast<RawFloats> b = jsc.broadcast(weights);
            tiny.mapPartitions(it -> one(b.value().values().length)).collect();
            b.destroy();
          },
          () -> tiny.mapPartitions(it -> one(RawFloats.of(new float[WEIGHTS]))).collect(),
          () -> tiny.mapPartitions(it -> one(RawFloats.of(new float[weights.values().length])))
              .collect(),
      };
      List<String> only = Arrays.asList(System.getProperty("bench.only", "0,1,2,3,4,5")
          .split(","));
      int[] selected = java.util.stream.IntStream.range(0, cases.length)
          .filter(c -> only.contains(Integer.toString(c))).toArray();
      long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
      while (System.nanoTime() < warmUntil) {
        for (int c : selected) {
          cases[c].run();
        }
      }
      double[][] ms = new double[cases.length][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int c : selected) {
          long t0 = System.nanoTime();
          cases[c].run();
          ms[c][r] = (System.nanoTime() - t0) / 1e6;
        }
      }
      System.out.printf(Locale.ROOT, "master %s, P = %d, %d rounds, medians%n%n| job | ms | "
          + "over the empty job |%n|---|---:|---:|%n", jsc.master(), p, rounds);
      double empty = only.contains("0") ? median(ms[0]) : Double.NaN;
      for (int c : selected) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %+.2f |%n", names[c], median(ms[c]),
            median(ms[c]) - empty);
      }
    } finally {
      spark.stop();
    }
  }

  private static <T> java.util.Iterator<T> one(T value) {
    return Collections.singletonList(value).iterator();
  }

  /** Random floats, as trained weights are: nothing for a codec to shrink. */
  private static float[] randomFloats(int n) {
    Random random = new Random(1);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = random.nextFloat() - 0.5f;
    }
    return a;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
