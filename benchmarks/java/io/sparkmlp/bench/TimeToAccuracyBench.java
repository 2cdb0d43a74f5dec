package io.sparkmlp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Scaling;
import io.sparkmlp.examples.FashionMnist;
import io.sparkmlp.examples.FashionMnistFrames;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.DistributedTrainer;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.spark.source.IdxSource;
import io.sparkmlp.spark.source.MatrixSource;
import io.sparkmlp.train.KernelWarmUp;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.BLAS$;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * One row of {@code benchmarks/time-to-accuracy.sh}, in a JVM of its own (so every row starts
 * cold, as a user's run does), written as JSON for {@code tta_table.py}:
 * <pre>TimeToAccuracyBench mode=MODE out=FILE [row=a] [epochs=12] [iters=100] [sync=auto|K]
 *     [batch=128] [warmup=1]</pre>
 * Modes: {@code inprocess} ({@code Sequential.fit}, one thread, no Spark), {@code spark}
 * (DistributedTrainer with Adam at sync_every {@code sync}: 1 is exact steps, {@code auto} is
 * {@code syncEvery(0)}), {@code lbfgs} (DistributedTrainer with optimizer {@code lbfgs},
 * {@code iters} iterations), {@code mllib} (MLlib's MultilayerPerceptronClassifier, L-BFGS,
 * {@code iters}), and {@code tabular-mllib} / {@code tabular-adam} / {@code tabular-lbfgs}
 * on {@link TeacherData}. Spark runs in local[2] unless {@code -Dspark.master} says otherwise.
 * The Adam rows on Spark warm the kernel up while Spark starts, as {@code scripts/sparkmlp
 * train} does ({@code warmup=0} does not).
 *
 * <p>Times: {@code startup_s} is JVM start to a ready Spark session that has run one trivial
 * job (JVM start to main for {@code inprocess}); {@code data_s} reads the data and caches it
 * where the trainer wants it (sparkmlp's blocks, MLlib's DataFrame); {@code train_s} is the
 * fit call, test evaluations after each epoch excluded (see {@link AccuracyClock}). MLlib's fit
 * gives one point, its final accuracy. A setting this build lacks (sync_every auto,
 * optimizer lbfgs) writes {@code skipped} with the reason instead of failing the run.
 */
public final class TimeToAccuracyBench {
  private static final int[] FMNIST_LAYERS = {784, 256, 128, 10};
  private static final int[] TABULAR_HIDDEN = {64, 32};
  private static final long MODEL_SEED = 42;
  private static final long MLLIB_SEED = 7;
  private static final long TABULAR_SEED = 20251129;
  private static final int TABULAR_TRAIN = 24_000;
  private static final int TABULAR_TEST = 6_000;
  private static final Path DATA_CACHE = Path.of("target/bench-data");

  private final Map<String, String> args;
  private final Map<String, Object> result = new LinkedHashMap<>();
  /** The kernel's warm-up while Spark starts (Adam rows on Spark, as the CLI); else null. */
  private KernelWarmUp warmUp;

  private TimeToAccuracyBench(Map<String, String> args) {
    this.args = args;
  }

  public static void main(String[] argv) throws IOException {
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : argv) {
      int eq = a.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected key=value, got '" + a + "'");
      }
      args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    TimeToAccuracyBench bench = new TimeToAccuracyBench(args);
    Path out = Path.of(bench.arg("out", "target/bench/tta/row.json"));
    bench.result.put("row", bench.arg("row", "?"));
    bench.result.put("mode", bench.arg("mode", "?"));
    String skipped = bench.unsupported();
    if (skipped != null) {
      bench.result.put("skipped", skipped);
      System.out.println("skipped: " + skipped);
    } else {
      bench.run();
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), bench.result);
  }

  /** Why this build cannot run the requested row, or null when it can. */
  private String unsupported() {
    String mode = arg("mode", "");
    if (mode.endsWith("lbfgs") && !Optimizers.NAMES.contains("lbfgs")) {
      return "this build has no optimizer lbfgs (Optimizers.NAMES = " + Optimizers.NAMES + ")";
    }
    if (usesSpark(mode) && syncEvery() == 0) {
      try {
        DistributedOptions.builder().syncEvery(0).build();
      } catch (IllegalArgumentException e) {
        return "this build has no sync_every auto (syncEvery(0): " + e.getMessage() + ")";
      }
    }
    return null;
  }

  private void run() {
    String mode = arg("mode", "");
    switch (mode) {
      case "inprocess" -> inProcess();
      case "spark", "tabular-adam" -> {
        warmUp = startWarmUp(mode.startsWith("tabular"));
        withSpark(this::sparkmlp);
      }
      case "lbfgs", "tabular-lbfgs" -> withSpark(this::sparkmlp);
      case "mllib", "tabular-mllib" -> withSpark(this::mllib);
      default -> throw new IllegalArgumentException("unknown mode '" + mode + "'; expected "
          + "inprocess, spark, lbfgs, mllib, tabular-mllib, tabular-adam or tabular-lbfgs");
    }
  }

  /**
   * What scripts/sparkmlp train does for a minibatch optimizer before its Spark session starts
   * ({@link KernelWarmUp}, closed before training, at most 3 s): the rows that stand for it do
   * the same, unless warmup=0.
   */
  private KernelWarmUp startWarmUp(boolean tabular) {
    if (arg("warmup", "1").equals("0")) {
      return null;
    }
    Sequential model = network(tabular ? tabularLayers() : FMNIST_LAYERS, adam(),
        tabular ? arg("act", "tanh") : "relu");
    return KernelWarmUp.start(model, intArg("batch", 128) / 2, 3);
  }

  /** Row b: Sequential.fit in this JVM, one thread. */
  private void inProcess() {
    result.put("startup_s", sinceJvmStart());
    long t0 = System.nanoTime();
    Matrix[] d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
    result.put("data_s", (System.nanoTime() - t0) / 1e9);
    Sequential model = network(FMNIST_LAYERS, adam(), "relu");
    AccuracyClock clock = new AccuracyClock(model, d[2], d[3], "in-process");
    int epochs = intArg("epochs", 12);
    FitOptions fit = FitOptions.builder().batchSize(intArg("batch", 128)).epochs(epochs)
        .verbose(0).callbacks(clock).build();
    clock.start();
    History h = model.fit(d[0], d[1], fit);
    finish(clock, h.size(), "epochs", "fmnist",
        "Sequential.fit, 1 thread, Adam batch " + fit.batchSize());
  }

  /** Rows c, d, e, g and the tabular sparkmlp rows: DistributedTrainer on cached blocks. */
  private void sparkmlp(SparkSession spark) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    boolean tabular = arg("mode", "").startsWith("tabular");
    boolean lbfgs = arg("mode", "").endsWith("lbfgs");
    long t0 = System.nanoTime();
    Matrix[] test;
    Supplier<JavaRDD<Block>> raw;
    if (tabular) {
      Matrix[] d = TeacherData.generate(TABULAR_SEED, TABULAR_TRAIN, TABULAR_TEST);
      raw = () -> MatrixSource.blocks(jsc, d[0], d[1], 0);
      test = new Matrix[] {d[2], d[3]};
    } else {
      // As the CLI reads IDX: the executors read their own rows of the files.
      String dir = FashionMnist.DEFAULT_DIR.toString();
      raw = () -> IdxSource.blocks(jsc, dir + "/train-images-idx3-ubyte.gz",
          dir + "/train-labels-idx1-ubyte.gz", 0, Scaling.PIXEL_MAX);
      Matrix[] d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
      test = new Matrix[] {d[2], d[3]};
    }
    int[] layers = tabular ? tabularLayers() : FMNIST_LAYERS;
    int iters = intArg("iters", 100);
    Minimizer optimizer = lbfgs ? Optimizers.fromConfig("lbfgs", Map.of("max_iter", iters))
        : adam();
    String hidden = tabular ? arg("act", "tanh") : "relu";
    Sequential model = network(layers, optimizer, hidden);
    TrainingBlocks train = TrainingBlocks.prepare(raw.get(), model.network(),
        tabular ? "tabular train" : "fashion-mnist train");
    result.put("data_s", (System.nanoTime() - t0) / 1e9);
    AccuracyClock clock = new AccuracyClock(model, test[0], test[1], arg("row", "?"));
    int epochs = lbfgs ? iters : intArg("epochs", 12);
    int batch = intArg("batch", 128);
    int sync = lbfgs ? 1 : syncEvery();
    FitOptions fit = FitOptions.builder().batchSize(batch).epochs(epochs).verbose(0)
        .callbacks(clock).build();
    DistributedOptions options = DistributedOptions.builder().fit(fit).syncEvery(sync).build();
    if (warmUp != null) {
      warmUp.close();
    }
    clock.start();
    History h = new DistributedTrainer(jsc, model, options).fit(train, null);
    String how = (tabular ? hidden + " hidden layers, " : "") + (lbfgs ? "L-BFGS max_iter " + iters
        : "Adam" + (arg("lr", "").isEmpty() ? "" : " lr " + arg("lr", "")) + " batch " + batch
        + ", sync_every " + (sync == 0 ? "auto" + chosen(h) : sync))
        + (warmUp != null ? ", kernel warmed up while Spark starts (as the CLI)" : "");
    String syncName = sync == 1 ? "exact steps" : "sync_every " + (sync == 0 ? "auto" : sync);
    String where = jsc.master().startsWith("local") ? jsc.master() : "standalone cluster";
    result.put("label", (tabular ? "tabular: sparkmlp " : "sparkmlp " + where + ", ")
        + (lbfgs ? "L-BFGS" : tabular ? "Adam, " + syncName : syncName));
    finish(clock, h.size(), lbfgs ? "iterations" : "epochs", tabular ? "tabular" : "fmnist",
        how + ", " + jsc.master() + ", " + train.numPartitions() + " partitions");
    train.release();
  }

  /** Rows f and the tabular MLlib row: MultilayerPerceptronClassifier with L-BFGS. */
  private void mllib(SparkSession spark) {
    boolean tabular = arg("mode", "").startsWith("tabular");
    long t0 = System.nanoTime();
    Dataset<Row>[] d = tabular ? tabularFrames(spark) : FashionMnistFrames.load(spark,
        FashionMnist.DEFAULT_DIR, DATA_CACHE);
    int partitions = spark.sparkContext().defaultParallelism();
    Dataset<Row> train = d[0].repartition(partitions).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> test = d[1].repartition(partitions).persist(StorageLevel.MEMORY_AND_DISK());
    train.count();
    test.count();
    result.put("data_s", (System.nanoTime() - t0) / 1e9);
    int iters = intArg("iters", 100);
    int[] layers = tabular ? tabularLayers() : FMNIST_LAYERS;
    String blas = mllibBlas(arg("mllib_blas", "native"));
    MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier().setLayers(layers)
        .setSolver("l-bfgs").setMaxIter(iters).setBlockSize(128).setSeed(MLLIB_SEED);
    long start = System.nanoTime();
    MultilayerPerceptronClassificationModel m = mlp.fit(train);
    double seconds = (System.nanoTime() - start) / 1e9;
    double accuracy = accuracy(m, test);
    int done = m.summary().totalIterations();
    System.out.printf(Locale.ROOT, "MLlib: %d iterations in %.2f s, test accuracy %.4f%n", done,
        seconds, accuracy);
    result.put("train_s", seconds);
    result.put("final_acc", accuracy);
    result.put("epochs", done);
    result.put("unit", "iterations");
    result.put("dataset", tabular ? "tabular" : "fmnist");
    result.put("reference", true);
    result.put("curve", List.of(new double[] {seconds, accuracy}));
    result.put("settings", "MultilayerPerceptronClassifier, L-BFGS maxIter " + iters
        + ", sigmoid hidden layers, blockSize 128, " + spark.sparkContext().master() + ", "
        + partitions + " partitions; its GEMMs through " + blas);
  }

  /**
   * The BLAS MLlib's MLP multiplies with: its layers call {@code ml.linalg.BLAS.nativeBLAS()},
   * netlib's JNI binding of the system's libblas.so.3 when that loads. Where libblas.so.3 is
   * Debian's reference BLAS (no OpenBLAS installed) that is several times slower than netlib's
   * own Java BLAS, so "java" points nativeBLAS at the Java one (private field,
   * set by reflection; one JVM in local mode, so the tasks see it too) to give MLlib its best.
   */
  private static String mllibBlas(String which) {
    BLAS$ blas = BLAS$.MODULE$;
    if (which.equals("java")) {
      try {
        Field f = BLAS$.class.getDeclaredField("_nativeBLAS");
        f.setAccessible(true);
        f.set(null, blas.javaBLAS());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot point MLlib's nativeBLAS at its Java BLAS", e);
      }
    } else if (!which.equals("native")) {
      throw new IllegalArgumentException("mllib_blas must be native or java, got '" + which + "'");
    }
    return blas.nativeBLAS().getClass().getSimpleName() + (which.equals("java")
        ? " (Java, chosen because libblas.so.3 is not OpenBLAS)" : "");
  }

  private void withSpark(Consumer<SparkSession> body) {
    SparkSession spark = BenchSession.start("sparkmlp-time-to-accuracy");
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      // Start-up ends when a job has run: on a cluster that includes the executors' launch.
      jsc.parallelize(List.of(1, 2), 2).count();
      result.put("startup_s", sinceJvmStart());
      body.accept(spark);
    } finally {
      spark.stop();
    }
  }

  private void finish(AccuracyClock clock, int epochs, String unit, String dataset,
                      String settings) {
    double seconds = clock.trainedSeconds();
    List<double[]> curve = clock.curve();
    result.put("train_s", seconds);
    result.put("final_acc", curve.isEmpty() ? null : curve.get(curve.size() - 1)[1]);
    result.put("epochs", epochs);
    result.put("unit", unit);
    result.put("dataset", dataset);
    result.put("curve", curve);
    result.put("settings", settings);
  }

  /** " (chose K)" when the run's logs record the local steps sync_every auto chose. */
  private static String chosen(History h) {
    return h.size() > 0 && h.keys().contains("sync_every")
        ? " (chose " + number(h.last("sync_every")) + ")" : "";
  }

  private Dataset<Row>[] tabularFrames(SparkSession spark) {
    Matrix[] d = TeacherData.generate(TABULAR_SEED, TABULAR_TRAIN, TABULAR_TEST);
    Path train = DATA_CACHE.resolve("tabular-" + TABULAR_SEED + "-train.parquet");
    Path test = DATA_CACHE.resolve("tabular-" + TABULAR_SEED + "-test.parquet");
    // Parquet, not a DataFrame of driver rows, which would ship the rows in every MLlib job.
    writeFrame(spark, d[0], d[1], train);
    writeFrame(spark, d[2], d[3], test);
    @SuppressWarnings("unchecked")
    Dataset<Row>[] frames = new Dataset[] {spark.read().parquet(train.toString()),
        spark.read().parquet(test.toString())};
    return frames;
  }

  private static void writeFrame(SparkSession spark, Matrix x, Matrix y, Path path) {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType(), false)
        .add("label", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>(x.rows());
    for (int r = 0; r < x.rows(); r++) {
      double[] v = new double[x.cols()];
      for (int j = 0; j < v.length; j++) {
        v[j] = x.get(r, j);
      }
      rows.add(RowFactory.create(Vectors.dense(v), (double) y.get(r, 0)));
    }
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite)
        .parquet(path.toString());
  }

  private static double accuracy(Model<?> model, Dataset<Row> test) {
    return new MulticlassClassificationEvaluator().setMetricName("accuracy")
        .evaluate(model.transform(test));
  }

  /** layers[0] inputs, ReLU or tanh (hidden) hidden layers, a softmax output. */
  private static Sequential network(int[] layers, Minimizer optimizer, String hidden) {
    Sequential model = new Sequential().seed(MODEL_SEED);
    for (int i = 1; i < layers.length; i++) {
      Dense dense = new Dense(layers[i], i == layers.length - 1 ? "softmax" : hidden);
      model.add(i == 1 ? dense.inputDim(layers[0]) : dense);
    }
    return model.compile("sparse_categorical_crossentropy", optimizer, "accuracy");
  }

  private static int[] tabularLayers() {
    return new int[] {TeacherData.FEATURES, TABULAR_HIDDEN[0], TABULAR_HIDDEN[1],
        TeacherData.CLASSES};
  }

  private Minimizer adam() {
    String lr = arg("lr", "");
    return lr.isEmpty() ? Optimizers.byName("adam")
        : Optimizers.fromConfig("adam", Map.of("learning_rate", Double.parseDouble(lr)));
  }

  private static boolean usesSpark(String mode) {
    return mode.equals("spark") || mode.equals("tabular-adam");
  }

  /** sync=auto is syncEvery(0); a number is that many local steps (1: exact steps). */
  private int syncEvery() {
    String s = arg("sync", "1");
    return s.equals("auto") ? 0 : Integer.parseInt(s);
  }

  private static double sinceJvmStart() {
    return (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
        / 1e3;
  }

  private String arg(String key, String fallback) {
    return args.getOrDefault(key, fallback);
  }

  private int intArg(String key, int fallback) {
    String v = args.get(key);
    return v == null || v.isEmpty() ? fallback : Integer.parseInt(v);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
