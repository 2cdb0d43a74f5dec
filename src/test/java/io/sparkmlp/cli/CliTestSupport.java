package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.spark.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the CLI tests share: one local[2] Spark session that the commands reuse (they leave a
 * session they did not start running), {@link Main#run} with stdout and stderr captured, a small
 * learnable data set written in every format, and run configurations for it.
 */
final class CliTestSupport {
  /** Rows of the training set, features per row, classes. */
  static final int ROWS = 600;
  static final int FEATURES = 12;
  static final int CLASSES = 3;
  /** IDX images are FEATURES pixels as IMAGE_ROWS x IMAGE_COLS. */
  static final int IMAGE_ROWS = 3;
  static final int IMAGE_COLS = 4;

  private static SparkSession session;

  private CliTestSupport() {}

  /** The shared session, (re)started when missing or stopped. */
  static synchronized SparkSession spark() {
    if (session == null || session.sparkContext().isStopped()) {
      session = SparkTestSession.builder("sparkmlp-cli-tests").getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  /** The exit code and what a command printed. */
  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** For assertion messages. */
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  /** Runs the CLI in this JVM with the shared session, capturing System.out and System.err. */
  static synchronized Result cli(String... args) {
    spark();
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(new Tee(out, oldOut), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(err, oldErr), true, StandardCharsets.UTF_8));
      code = Main.run(args);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the CLI and fails, showing its output, unless it exits with the expected code. */
  static Result cliExpect(int expected, String... args) {
    Result r = cli(args);
    assertEquals(expected, r.code(), () -> String.join(" ", args) + " -> " + r);
    return r;
  }

  /** Copies to the capture and to the stream it replaces, so surefire's report keeps it. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int v) throws IOException {
      a.write(v);
      b.write(v);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }

  /**
   * A learnable data set: pixels 0..255, features pixel/255, the class the argmax of a fixed
   * linear map of the centred features.
   */
  record Data(byte[] pixels, int[] labels) {
    int rows() {
      return labels.length;
    }

    float x(int r, int c) {
      return (pixels[r * FEATURES + c] & 0xff) / 255f;
    }

    static Data make(int rows, long seed) {
      Random w = new Random(1);
      double[][] weights = new double[FEATURES][CLASSES];
      for (double[] row : weights) {
        for (int k = 0; k < CLASSES; k++) {
          row[k] = w.nextGaussian();
        }
      }
      Random rnd = new Random(seed);
      byte[] pixels = new byte[rows * FEATURES];
      int[] labels = new int[rows];
      for (int r = 0; r < rows; r++) {
        double[] score = new double[CLASSES];
        for (int c = 0; c < FEATURES; c++) {
          int p = rnd.nextInt(256);
          pixels[r * FEATURES + c] = (byte) p;
          for (int k = 0; k < CLASSES; k++) {
            score[k] += (p / 255.0 - 0.5) * weights[c][k];
          }
        }
        int best = 0;
        for (int k = 1; k < CLASSES; k++) {
          best = score[k] > score[best] ? k : best;
        }
        labels[r] = best;
      }
      return new Data(pixels, labels);
    }

    Matrix features() {
      float[] v = new float[rows() * FEATURES];
      for (int i = 0; i < v.length; i++) {
        v[i] = (pixels[i] & 0xff) / 255f;
      }
      return new Matrix(v, rows(), FEATURES);
    }

    Matrix labelColumn() {
      float[] v = new float[rows()];
      for (int r = 0; r < v.length; r++) {
        v[r] = labels[r];
      }
      return new Matrix(v, rows(), 1);
    }

    /** x.npy as float64 (NumPy's default) and y.npy as float32 class indices, (N, 1). */
    void writeNpy(Path x, Path y) {
      Npy.writeFloat64(x, features());
      Npy.write(y, labelColumn());
    }

    /** A header f0..f11,label and one row per example. */
    void writeCsv(Path file) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < FEATURES; c++) {
        sb.append('f').append(c).append(',');
      }
      sb.append("label\n");
      for (int r = 0; r < rows(); r++) {
        for (int c = 0; c < FEATURES; c++) {
          sb.append(x(r, c)).append(',');
        }
        sb.append(labels[r]).append('\n');
      }
      write(file, sb.toString());
    }

    /** 'label index:value ...' with 1-based indices, zero features left out. */
    void writeLibsvm(Path file) {
      StringBuilder sb = new StringBuilder();
      for (int r = 0; r < rows(); r++) {
        sb.append(labels[r]);
        for (int c = 0; c < FEATURES; c++) {
          if (pixels[r * FEATURES + c] != 0) {
            sb.append(' ').append(c + 1).append(':').append(x(r, c));
          }
        }
        sb.append('\n');
      }
      write(file, sb.toString());
    }

    /** A Vector features column and a double label, in two files. */
    void writeParquet(Path dir) {
      List<Row> rows = new ArrayList<>();
      for (int r = 0; r < rows(); r++) {
        double[] f = new double[FEATURES];
        for (int c = 0; c < FEATURES; c++) {
          f[c] = x(r, c);
        }
        rows.add(RowFactory.create(Vectors.dense(f), (double) labels[r]));
      }
      StructType schema = new StructType()
          .add("features", SQLDataTypes.VectorType(), false)
          .add("label", DataTypes.DoubleType, false);
      spark().createDataFrame(rows, schema).repartition(2).write().parquet(dir.toString());
    }

    /** IDX u8 images (N, 3, 4) and labels (N,); a name ending in .gz is gzipped. */
    void writeIdx(Path images, Path labelsFile) {
      writeIdx(images, new int[] {rows(), IMAGE_ROWS, IMAGE_COLS}, pixels);
      byte[] l = new byte[rows()];
      for (int r = 0; r < l.length; r++) {
        l[r] = (byte) labels[r];
      }
      writeIdx(labelsFile, new int[] {rows()}, l);
    }

    private static void writeIdx(Path file, int[] dims, byte[] data) {
      try (OutputStream raw = Files.newOutputStream(file);
           OutputStream maybeGz = file.toString().endsWith(".gz")
               ? new GZIPOutputStream(raw) : raw;
           DataOutputStream out = new DataOutputStream(maybeGz)) {
        out.write(new byte[] {0, 0, 0x08, (byte) dims.length});
        for (int d : dims) {
          out.writeInt(d);
        }
        out.write(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A classification run: 12 → 16 relu → 3 softmax, Adam, sparse labels, 2 partitions, 3
   * epochs of 12 steps.
   *
   * @param dataSection the lines of the data section after {@code data:}, indented by two
   * @param extra more top-level YAML (a preprocessing section, ...), may be empty
   */
  static String classifierYaml(String dataSection, String fitExtra, String extra, Path out) {
    return String.join("\n",
        "# written by CliTestSupport",
        "distributed: {partitions: 2}",
        "data:",
        dataSection,
        "model:",
        "  seed: 7",
        "  layers:",
        "    - {type: dense, units: 16, activation: relu}",
        "    - {type: dense, units: 3, activation: softmax}",
        "compile:",
        "  loss: sparse_categorical_crossentropy",
        "  optimizer: {name: adam, learning_rate: 0.05}",
        "  metrics: [accuracy]",
        "fit:",
        "  batch_size: 50",
        "  epochs: 3",
        fitExtra,
        extra,
        "output:",
        "  dir: '" + out + "'",
        "");
  }

  /** An npy classification run over x.npy/y.npy in dir, written to dir/config.yaml. */
  static Path npyConfig(Path dir, Path out, String fitExtra) {
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    if (!Files.exists(x)) {
      Data.make(ROWS, 11).writeNpy(x, y);
    }
    return write(dir.resolve("config.yaml"), classifierYaml(String.join("\n",
        "  format: npy",
        "  train: {x: '" + x + "', y: '" + y + "'}"), fitExtra, "", out));
  }

  /** Lines of a text file. */
  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
