package io.sparkmlp.bench;

import io.sparkmlp.spark.GradientSum;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the driver spends, per step, adding up k task results of Fashion-MNIST's 235k-float
 * gradient as {@code PartialSums} does (merge in partition order, then the float gradient out),
 * against one copy of a 235k-float array in the same run. No Spark: the results are built in
 * this JVM as a task would send them (one partition's float sum each). Medians of many
 * repetitions after a warm-up; one Markdown table. Usage: {@code DriverMergeBench [k...=2 3 8]}.
 */
public final class DriverMergeBench {
  private static final int WEIGHTS = 235_146;
  private static final int REPS = 400;

  private DriverMergeBench() {}

  public static void main(String[] args) {
    int[] ks = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
        : new int[] {2, 3, 8};
    Random random = new Random(5);
    float[][] partitions = new float[ks.length == 0 ? 0 : Arrays.stream(ks).max().getAsInt()][];
    for (int p = 0; p < partitions.length; p++) {
      partitions[p] = new float[WEIGHTS];
      for (int i = 0; i < WEIGHTS; i++) {
        partitions[p][i] = (float) (random.nextGaussian() * 1e-3);
      }
    }
    float[] out = new float[WEIGHTS];
    double copyUs = medianMicros(() -> null,
        ignored -> System.arraycopy(partitions[0], 0, out, 0, WEIGHTS));
    System.out.printf(Locale.ROOT, "%,d floats, medians of %d repetitions%n%n| task results | "
        + "merge + gradient out (µs) | × one array copy (%.1f µs) |%n|---:|---:|---:|%n",
        WEIGHTS, REPS, copyUs);
    for (int k : ks) {
      // Fresh results every repetition, built outside the clock: the driver deserializes one
      // per task, and merging changes them.
      double us = medianMicros(() -> {
        GradientSum[] results = new GradientSum[k];
        for (int p = 0; p < k; p++) {
          results[p] = GradientSum.empty().add(partitions[p], new double[] {1, 1}, 64);
        }
        return results;
      }, results -> {
        GradientSum total = GradientSum.empty();
        for (GradientSum r : results) {
          total = GradientSum.merge(total, r);
        }
        total.gradientInto(out);
      });
      System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f× |%n", k, us, us / copyUs);
    }
  }

  private static <T> double medianMicros(Supplier<T> setup, Consumer<T> timed) {
    for (int i = 0; i < REPS / 2; i++) {
      timed.accept(setup.get());
    }
    double[] us = new double[REPS];
    for (int i = 0; i < REPS; i++) {
      T input = setup.get();
      long t0 = System.nanoTime();
      timed.accept(input);
      us[i] = (System.nanoTime() - t0) / 1e3;
    }
    Arrays.sort(us);
    return us[REPS / 2];
  }
}
