package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.spark;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.io.AtomicDirectory;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.OutputLock;
import io.sparkmlp.ml.MLPClassificationModel;
import io.sparkmlp.ml.MLPClassifier;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.report.RunReport;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.spark.source.DataLoader;
import io.sparkmlp.spark.source.Preprocessor;
import io.sparkmlp.train.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path on a real HDFS: a NameNode and a DataNode started in this JVM
 * (hadoop-client-minicluster, the Hadoop version Spark ships). The config file, the data and
 * the output are {@code hdfs://} URIs; an interrupted run resumes from its HDFS checkpoint to
 * the weights of an uninterrupted one; the model opens with {@code Sequential.load} and, saved
 * through Spark ML's writer, with its reader; an old output survives a failed run; the output
 * lock holds on HDFS.
 */
class HdfsRoundTripTest {
  private static final int EPOCHS = 3;
  private static final String RETRY_DELAY =
      "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
  private static String sparkRetryDelay;

  @TempDir
  static Path local;

  private static MiniDFSCluster cluster;
  private static FileSystem fs;
  /** {@code hdfs://127.0.0.1:port}. */
  private static String root;
  /** The weights of an uninterrupted run, trained once from and to HDFS. */
  private static Sequential whole;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, local.resolve("hdfs").toString());
    // A client waits this long before asking again whether a file it closed is complete
    // (default 400 ms); with one DataNode in this JVM the answer comes within milliseconds.
    conf.setInt(RETRY_DELAY, 10);
    Configuration sparkConf = spark().sparkContext().hadoopConfiguration();
    sparkRetryDelay = sparkConf.get(RETRY_DELAY);
    sparkConf.setInt(RETRY_DELAY, 10);
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).storagesPerDatanode(1).build();
    cluster.waitActive();
    fs = cluster.getFileSystem();
    root = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    CliTestSupport.Data.make(CliTestSupport.ROWS, 11)
        .writeNpy(local.resolve("x.npy"), local.resolve("y.npy"));
    upload(local.resolve("x.npy"), "/data/x.npy");
    upload(local.resolve("y.npy"), "/data/y.npy");
    upload(CliTestSupport.write(local.resolve("run.yaml"), CliTestSupport.classifierYaml(
        String.join("\n",
            "  format: npy",
            "  train: {x: '" + root + "/data/x.npy', y: '" + root + "/data/y.npy'}"), "", "",
        Path.of("unused"))), "/conf/run.yaml");
    cliExpect(0, "train", "--config", root + "/conf/run.yaml", "--output", root + "/out/whole");
    whole = Sequential.load(root + "/out/whole");
  }

  @AfterAll
  static void stopHdfs() {
    Configuration sparkConf = spark().sparkContext().hadoopConfiguration();
    if (sparkRetryDelay == null) {
      sparkConf.unset(RETRY_DELAY);
    } else {
      sparkConf.set(RETRY_DELAY, sparkRetryDelay);
    }
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  private static void upload(Path from, String to) throws IOException {
    fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(from.toUri()),
        new org.apache.hadoop.fs.Path(root + to));
  }

  /** The names in an HDFS directory, sorted. */
  private static List<String> list(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    for (FileStatus s : fs.listStatus(new org.apache.hadoop.fs.Path(root + dir))) {
      names.add(s.getPath().getName());
    }
    names.sort(null);
    return names;
  }

  private static String read(String file) throws IOException {
    try (var in = fs.open(new org.apache.hadoop.fs.Path(root + file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void trainsFromAndToHdfsAsItDoesLocally() throws IOException {
    assertEquals(List.of("config.yaml", "history.csv", "metrics.jsonl", "model.json",
        "optimizer.bin", "preprocessing.json", "training.png", "weights.bin"),
        list("/out/whole"));
    // Nothing else beside it: the lock, the checkpoint and its epoch log are gone.
    assertEquals(List.of("whole"), list("/out").stream().filter(n -> n.startsWith("whole")
        || n.startsWith(".whole")).toList());
    assertEquals(EPOCHS, read("/out/whole/metrics.jsonl").lines().count());
    // The same run written to a local directory holds the same weights, bit for bit.
    Path out = local.resolve("local-out");
    cliExpect(0, "train", "--config", root + "/conf/run.yaml", "--output", out.toString());
    assertArrayEquals(Sequential.load(out).params(), whole.params());
    assertEquals(Files.readString(out.resolve("model.json")), read("/out/whole/model.json"));
    // evaluate and summary open the model on HDFS too.
    cliExpect(0, "summary", "--model", root + "/out/whole");
    cliExpect(0, "evaluate", "--model", root + "/out/whole", "--format", "npy",
        "--data", root + "/data/x.npy", "--labels", root + "/data/y.npy");
  }

  @Test
  void resumesFromAnHdfsCheckpoint() throws IOException {
    Location out = Location.of(root + "/out/resumed");
    Location checkpoint = Location.of(root + "/out/resumed.checkpoint");
    interruptedRun(checkpoint, 1);
    assertEquals(1, Checkpoint.readState(checkpoint).epochsCompleted());
    cliExpect(0, "train", "--config", root + "/conf/run.yaml", "--output", out.toString(),
        "--resume");
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(checkpoint.toString())),
        "the checkpoint outlived a successful run");
    Sequential resumed = Sequential.load(out.toString());
    assertArrayEquals(whole.params(), resumed.params(), "weights differ after resuming");
    assertEquals(whole.optimizerState().step(), resumed.optimizerState().step());
    assertEquals(EPOCHS, read("/out/resumed/metrics.jsonl").lines().count());
  }

  @Test
  void anOldOutputSurvivesAFailedRun() throws IOException {
    cliExpect(0, "train", "--config", root + "/conf/run.yaml", "--output", root + "/out/kept",
        "--epochs", "1");
    String before = read("/out/kept/metrics.jsonl");
    byte[] weights = read("/out/kept/weights.bin").getBytes(StandardCharsets.ISO_8859_1);
    // A missing training file: the run fails after taking the lock, with --overwrite.
    cliExpect(2, "train", "--config", root + "/conf/run.yaml", "--output", root + "/out/kept",
        "--overwrite", "--set", "data.train.x=" + root + "/data/missing.npy");
    assertEquals(before, read("/out/kept/metrics.jsonl"));
    // A failure while the new directory is written: the old one stays whole.
    Location kept = Location.of(root + "/out/kept");
    IOException e = assertThrows(IOException.class, () -> AtomicDirectory.write(kept, tmp -> {
      Files.writeString(tmp.resolve("metrics.jsonl"), "half\n");
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(before, read("/out/kept/metrics.jsonl"));
    assertArrayEquals(weights, read("/out/kept/weights.bin").getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of("kept"), list("/out").stream().filter(n -> n.startsWith("kept")
        || n.startsWith(".kept")).toList(), "temporary siblings or a lock left behind");
    // A successful --overwrite replaces it.
    cliExpect(0, "train", "--config", root + "/conf/run.yaml", "--output", root + "/out/kept",
        "--overwrite", "--epochs", "2");
    assertEquals(2, read("/out/kept/metrics.jsonl").lines().count());
  }

  @Test
  void theOutputLockHoldsOnHdfs() throws IOException {
    Location out = Location.of(root + "/out/locked");
    try (OutputLock first = OutputLock.acquire(out)) {
      CliTestSupport.Result r = cliExpect(2, "train", "--config", root + "/conf/run.yaml",
          "--output", out.toString());
      assertTrue(r.err().contains(out + ".lock is locked (by "), r::toString);
      assertTrue(r.err().contains("hdfs dfs -rm " + out + ".lock"), r::toString);
      assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out.toString())));
    }
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(out + ".lock")), "lock left behind");
    OutputLock.acquire(out).close();
  }

  @Test
  void theMlReaderLoadsAModelSavedOnHdfs() throws Exception {
    List<Row> rows = new ArrayList<>();
    CliTestSupport.Data d = CliTestSupport.Data.make(100, 3);
    for (int r = 0; r < d.rows(); r++) {
      double[] f = new double[CliTestSupport.FEATURES];
      for (int c = 0; c < f.length; c++) {
        f[c] = d.x(r, c);
      }
      rows.add(RowFactory.create(Vectors.dense(f), (double) d.labels()[r]));
    }
    Dataset<Row> df = spark().createDataFrame(rows, new StructType()
        .add("features", SQLDataTypes.VectorType(), false)
        .add("label", DataTypes.DoubleType, false));
    MLPClassificationModel model = new MLPClassifier()
        .setLayers(new int[] {CliTestSupport.FEATURES, 8, CliTestSupport.CLASSES})
        .setBatchSize(50).setMaxEpochs(1).setSeed(5).fit(df);
    String path = root + "/ml/model";
    model.write().save(path);
    MLPClassificationModel again = MLPClassificationModel.load(path);
    assertArrayEquals(model.network().params(), again.network().params());
    // The network directory inside is a plain model directory, which Sequential opens too.
    assertArrayEquals(model.network().params(),
        Sequential.load(path + "/" + io.sparkmlp.ml.MLPModel.NETWORK_DIR).params());
    Matrix x = d.features();
    assertArrayEquals(model.network().predict(x).values(), again.network().predict(x).values());
  }

  /** Thrown by the "crash": training stops where a killed driver would. */
  private static final class Crash extends RuntimeException {
    Crash() {
      super("simulated crash");
    }
  }

  /**
   * Trains as {@code train} would with its checkpoint and epoch log on HDFS, and "crashes" at
   * the end of epoch crashAfter + 1, after its log line and before its checkpoint.
   */
  private static void interruptedRun(Location checkpoint, int crashAfter) {
    RunConfig cfg = ConfigLoader.load(Location.of(root + "/conf/run.yaml"), Map.of());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark().sparkContext());
    DataConfig data = cfg.data();
    JavaRDD<Block> raw = DataLoader.blocks(spark(), data.train(),
        cfg.distributed().numPartitions());
    Sequential model = cfg.buildModel(raw.map(Block::xCols).reduce(Math::max));
    Preprocessor pre = Preprocessor.fit(cfg.preprocessing(), raw, model.network().outputDim());
    Callback crash = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
        if (epoch == crashAfter) {
          throw new Crash();
        }
      }
    };
    Location epochLog = checkpoint.sibling(checkpoint.name() + TrainCommand.EPOCH_LOG);
    var options = cfg.distributedOptions(cfg.fitOptions().verbose(0).checkpointDir(checkpoint)
        .callbacks(RunReport.streaming(epochLog, false), crash).build());
    assertThrows(Crash.class, () -> SparkTraining.fit(model, jsc, pre.apply(raw), null,
        options));
  }
}
