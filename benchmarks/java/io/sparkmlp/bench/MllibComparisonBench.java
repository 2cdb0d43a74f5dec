package io.sparkmlp.bench;

import io.sparkmlp.examples.FashionMnist;
import io.sparkmlp.examples.FashionMnistFrames;
import io.sparkmlp.ml.MLPClassificationModel;
import io.sparkmlp.ml.MLPClassifier;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * MLlib's MultilayerPerceptronClassifier against sparkmlp's MLPClassifier on Fashion-MNIST,
 * 784-256-128-10, in one Spark session (sparkmlp first, in the cold JVM) on the same cached
 * DataFrames (read from Parquet,
 * 2 partitions, features scaled to [0, 1]): the wall time of each {@code fit} and the test
 * accuracy of its model. MLlib runs its default and best solver, L-BFGS (sigmoid hidden
 * layers, its only choice) with one OpenBLAS thread per task when native BLAS loads (its
 * fastest setting here; the script sets OPENBLAS_NUM_THREADS=1); sparkmlp runs ReLU and Adam
 * with its own GEMM.
 * <pre>MllibComparisonBench [mllibIters=100] [epochs=2] [batch=256] [learningRate=0.003]
 *     [syncEvery=8] [which=both|mllib|sparkmlp]</pre>
 * sparkmlp prints one line per epoch (verbose 1) as it trains; {@code -Dbench.sparkmlpRuns=N}
 * fits it N times in the same JVM (later runs show the warm JVM).
 */
public final class MllibComparisonBench {
  private static final int[] LAYERS = {784, 256, 128, 10};

  private MllibComparisonBench() {}

  public static void main(String[] args) {
    int mllibIters = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    double lr = args.length > 3 ? Double.parseDouble(args[3]) : 0.003;
    int syncEvery = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    String which = args.length > 5 ? args[5] : "both";
    SparkSession spark = BenchSession.start("sparkmlp-vs-mllib");
    try {
      Dataset<Row>[] d = FashionMnistFrames.load(spark, FashionMnist.DEFAULT_DIR,
          Path.of("target/bench-data"));
      Dataset<Row> train = d[0].repartition(2).persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> test = d[1].repartition(2).persist(StorageLevel.MEMORY_AND_DISK());
      System.out.printf(Locale.ROOT, "master %s; %d training rows, %d test rows, cached; "
          + "MLlib's BLAS: %s (OPENBLAS_NUM_THREADS=%s)%n", spark.sparkContext().master(),
          train.count(), test.count(), dev.ludovic.netlib.blas.BLAS.getInstance().getClass()
              .getSimpleName(), System.getenv("OPENBLAS_NUM_THREADS"));
      StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
          "| trainer | settings | fit wall time | test accuracy |%n|---|---|---:|---:|%n"));
      // sparkmlp first, in the cold JVM, so MLlib's fit gets the warmed-up Spark code paths.
      double firstSeconds = 0;
      double firstAccuracy = 0;
      // Runs after the first show the fit in a warm JVM (the kernel JIT-compiled).
      int runs = Integer.getInteger("bench.sparkmlpRuns", 1);
      for (int run = 1; run <= runs && !which.equals("mllib"); run++) {
        MLPClassifier ours = new MLPClassifier().setLayers(LAYERS).setActivation("relu")
            .setOptimizer("adam").setLearningRate(lr).setBatchSize(batch).setMaxEpochs(epochs)
            .setSyncEvery(syncEvery).setVerbose(1).setSeed(7);
        long start = System.nanoTime();
        MLPClassificationModel m = ours.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        double acc = accuracy(m, test);
        table.append(String.format(Locale.ROOT, "| sparkmlp MLPClassifier%s | adam lr %s, "
            + "relu, batch %d, %d epochs%s | %.1f s | %.2f%% |%n", run > 1 ? " (run " + run
            + ", warm JVM)" : "", lr, batch, epochs,
            syncEvery == 1 ? "" : ", syncEvery " + syncEvery, seconds, 100 * acc));
        if (run == 1) {
          firstSeconds = seconds;
          firstAccuracy = acc;
        }
      }
      double mllibSeconds = 0;
      double mllibAccuracy = 0;
      if (!which.equals("sparkmlp")) {
        MultilayerPerceptronClassifier mllib = new MultilayerPerceptronClassifier()
            .setLayers(LAYERS).setSolver("l-bfgs").setMaxIter(mllibIters).setBlockSize(128)
            .setSeed(7L);
        long start = System.nanoTime();
        MultilayerPerceptronClassificationModel m = mllib.fit(train);
        mllibSeconds = (System.nanoTime() - start) / 1e9;
        mllibAccuracy = accuracy(m, test);
        int iterations = m.summary().totalIterations();
        table.append(String.format(Locale.ROOT, "| MLlib MultilayerPerceptronClassifier | "
            + "l-bfgs, sigmoid, %d iterations (%.2f s each), blockSize 128 | %.1f s | %.2f%% |%n",
            iterations, mllibSeconds / Math.max(iterations, 1), mllibSeconds,
            100 * mllibAccuracy));
      }
      if (firstSeconds > 0 && mllibSeconds > 0) {
        table.append(String.format(Locale.ROOT, "%nsparkmlp (first run): %.1fx faster, %+.2f "
            + "points of accuracy%n", mllibSeconds / firstSeconds,
            100 * (firstAccuracy - mllibAccuracy)));
      }
      System.out.print(table);
    } finally {
      spark.stop();
    }
  }

  private static double accuracy(Model<?> model, Dataset<Row> test) {
    return new MulticlassClassificationEvaluator().setMetricName("accuracy")
        .evaluate(model.transform(test));
  }
}
