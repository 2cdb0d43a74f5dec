package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.CLASSES;
import static io.sparkmlp.cli.CliTestSupport.FEATURES;
import static io.sparkmlp.cli.CliTestSupport.ROWS;
import static io.sparkmlp.cli.CliTestSupport.classifierYaml;
import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.lines;
import static io.sparkmlp.cli.CliTestSupport.spark;
import static io.sparkmlp.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkmlp.cli.CliTestSupport.Data;
import io.sparkmlp.cli.CliTestSupport.Result;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.report.RunReport;
import io.sparkmlp.spark.source.Preprocessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every data format end to end through the command line, in this JVM: train writes a complete
 * output directory, evaluate scores the model well above chance on the same data, predict
 * writes one row per input row, summary prints the parameter count.
 */
class CliFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 12·16 + 16 + 16·3 + 3. */
  private static final int PARAMS = FEATURES * 16 + 16 + 16 * CLASSES + CLASSES;
  private static final int TEST_ROWS = 200;

  @TempDir
  Path dir;

  @Test
  void npyWithATestSetPredictingToNpy() throws IOException {
    Data train = Data.make(ROWS, 11);
    train.writeNpy(dir.resolve("x.npy"), dir.resolve("y.npy"));
    Data.make(TEST_ROWS, 12).writeNpy(dir.resolve("xt.npy"), dir.resolve("yt.npy"));
    Path out = dir.resolve("out");
    Path config = write(dir.resolve("run.yaml"), classifierYaml(String.join("\n",
        "  format: npy",
        "  train: {x: '" + dir.resolve("x.npy") + "', y: '" + dir.resolve("y.npy") + "'}",
        "  test: {x: '" + dir.resolve("xt.npy") + "', y: '" + dir.resolve("yt.npy") + "'}"),
        "", "", out));

    Result trained = train(config, out, false);
    assertTrue(trained.out().contains("test: "), trained::toString);
    JsonNode test = JSON.readTree(out.resolve(RunOutput.TEST_METRICS).toFile());
    assertTrue(test.get("accuracy").asDouble() > 0.7, test::toString);
    assertTrue(test.has("loss") && test.has("training_seconds"), test::toString);

    evaluate(out, "--format", "npy", "--data", dir.resolve("x.npy").toString(),
        "--labels", dir.resolve("y.npy").toString());
    Path preds = dir.resolve("preds.npy");
    cliExpect(0, "predict", "--model", out.toString(), "--format", "npy",
        "--data", dir.resolve("x.npy").toString(), "--output", preds.toString());
    Matrix p = Npy.read(preds);
    assertEquals(ROWS, p.rows());
    assertEquals(CLASSES, p.cols());
    int[] predicted = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int k = 1; k < CLASSES; k++) {
        predicted[r] = p.get(r, k) > p.get(r, predicted[r]) ? k : predicted[r];
      }
    }
    assertInInputOrder(predicted, train.labels());
    summary(out, true);
  }

  @Test
  void csvStandardizedWithAValidationSplitPredictingToCsv() throws IOException {
    Path csv = dir.resolve("train.csv");
    Data train = Data.make(ROWS, 11);
    train.writeCsv(csv);
    Path out = dir.resolve("out");
    Path config = write(dir.resolve("run.yaml"), classifierYaml(String.join("\n",
        "  format: csv",
        "  train: {path: '" + csv + "', label: label}"),
        "  validation_split: 0.2", "preprocessing: {standardize: true}", out));

    train(config, out, true);
    JsonNode pre = JSON.readTree(out.resolve(Preprocessor.FILE).toFile());
    assertEquals(FEATURES, pre.get("mean").size(), pre::toString);

    evaluate(out, "--format", "csv", "--data", csv.toString());
    Path preds = dir.resolve("preds.csv");
    cliExpect(0, "predict", "--model", out.toString(), "--format", "csv",
        "--data", csv.toString(), "--output", preds.toString());
    var df = spark().read().option("header", "true").csv(preds.toString());
    assertEquals(ROWS, df.count());
    assertEquals(List.of("row", "prediction", "output_0", "output_1", "output_2"),
        List.of(df.columns()));
    assertInInputOrder(classes(df), train.labels());
    summary(out, false);
  }

  @Test
  void libsvmPredictingToParquet() throws IOException {
    Path file = dir.resolve("train.libsvm");
    Data train = Data.make(ROWS, 11);
    train.writeLibsvm(file);
    Path out = dir.resolve("out");
    Path config = write(dir.resolve("run.yaml"), classifierYaml(String.join("\n",
        "  format: libsvm",
        "  train: {path: '" + file + "', num_features: " + FEATURES + "}"), "", "", out));

    train(config, out, false);
    evaluate(out, "--format", "libsvm", "--data", file.toString());
    assertPredictsToParquet(out, "libsvm", file, train.labels());
    summary(out, false);
  }

  @Test
  void parquetPredictingToParquet() throws IOException {
    Path data = dir.resolve("train.parquet");
    Data.make(ROWS, 11).writeParquet(data);
    Path out = dir.resolve("out");
    Path config = write(dir.resolve("run.yaml"), classifierYaml(String.join("\n",
        "  format: parquet",
        "  train: {path: '" + data + "', features_col: features, label: label}"), "", "", out));

    train(config, out, false);
    evaluate(out, "--format", "parquet", "--data", data.toString(),
        "--features-col", "features", "--label-col", "label");
    // Spark reads the part files largest first, not in the order they were written.
    int[] readOrder = spark().read().parquet(data.toString()).select("label").collectAsList()
        .stream().mapToInt(r -> (int) r.getDouble(0)).toArray();
    assertPredictsToParquet(out, "parquet", data, readOrder);
    summary(out, false);
  }

  @Test
  void idxGzipWithValidationFilesPredictingToCsv() throws IOException {
    Path images = dir.resolve("train-images-idx3-ubyte.gz");
    Path labels = dir.resolve("train-labels-idx1-ubyte");
    Data.make(ROWS, 11).writeIdx(images, labels);
    Path valImages = dir.resolve("val-images-idx3-ubyte");
    Path valLabels = dir.resolve("val-labels-idx1-ubyte.gz");
    Data.make(TEST_ROWS, 13).writeIdx(valImages, valLabels);
    Path out = dir.resolve("out");
    Path config = write(dir.resolve("run.yaml"), classifierYaml(String.join("\n",
        "  format: idx",
        "  train: {x: '" + images + "', y: '" + labels + "'}",
        "  validation: {x: '" + valImages + "', y: '" + valLabels + "'}"),
        "", "preprocessing: {scale: 0.00392156862745098}", out));

    train(config, out, true);
    // The saved preprocessing scales new data as training did: evaluate reads raw pixels.
    evaluate(out, "--format", "idx", "--data", valImages.toString(),
        "--labels", valLabels.toString());
    Path preds = dir.resolve("preds.csv");
    cliExpect(0, "predict", "--model", out.toString(), "--format", "idx",
        "--data", images.toString(), "--output", preds.toString());
    assertEquals(ROWS, spark().read().option("header", "true").csv(preds.toString()).count());
    summary(out, false);
  }

  /** Trains and checks every file of the output directory. */
  private Result train(Path config, Path out, boolean validated) throws IOException {
    Result r = cliExpect(0, "train", "--config", config.toString());
    assertTrue(r.out().contains("wrote " + out), r::toString);
    for (String f : List.of(ModelFiles.MODEL_JSON, ModelFiles.WEIGHTS, ModelFiles.OPTIMIZER,
        RunReport.HISTORY_CSV, RunReport.METRICS_JSONL, RunOutput.CONFIG, Preprocessor.FILE,
        RunOutput.PLOT)) {
      assertTrue(Files.isRegularFile(out.resolve(f)), () -> f + " missing in " + out);
    }
    BufferedImage png = ImageIO.read(out.resolve(RunOutput.PLOT).toFile());
    assertNotNull(png, "training.png is not a readable image");
    assertTrue(png.getWidth() >= 200 && png.getHeight() >= 100, png::toString);

    List<String> history = lines(out.resolve(RunReport.HISTORY_CSV));
    assertEquals(1 + 3, history.size(), history::toString);
    assertTrue(history.get(0).startsWith("epoch,"), history.get(0));
    List<String> jsonl = lines(out.resolve(RunReport.METRICS_JSONL));
    assertEquals(3, jsonl.size(), jsonl::toString);
    for (int e = 0; e < jsonl.size(); e++) {
      JsonNode n = JSON.readTree(jsonl.get(e));
      assertEquals(e + 1, n.get("epoch").asInt(), n::toString);
      for (String key : validated ? List.of("loss", "accuracy", "val_loss", "val_accuracy")
          : List.of("loss", "accuracy")) {
        assertTrue(n.hasNonNull(key) && Double.isFinite(n.get(key).asDouble()),
            () -> key + " missing in " + n);
      }
    }
    // The resolved configuration repeats the run.
    RunConfig resolved = ConfigLoader.load(out.resolve(RunOutput.CONFIG));
    assertEquals(ConfigLoader.load(config), resolved);
    assertFalse(Files.exists(out.resolveSibling("out.checkpoint")), "checkpoint left behind");
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      List<Path> hidden = siblings.filter(p -> p.getFileName().toString().startsWith(".out"))
          .toList();
      assertTrue(hidden.isEmpty(), () -> "temporary siblings left: " + hidden);
    }
    return r;
  }

  private static void evaluate(Path model, String... data) throws IOException {
    Path json = model.resolveSibling("eval.json");
    String[] args = Stream.concat(Stream.of("evaluate", "--model", model.toString(),
        "--json", json.toString()), Stream.of(data)).toArray(String[]::new);
    Result r = cliExpect(0, args);
    List<String> jsonLines = r.out().lines().filter(l -> l.startsWith("{")).toList();
    assertEquals(1, jsonLines.size(), r::toString);
    JsonNode metrics = JSON.readTree(jsonLines.get(0));
    assertTrue(metrics.get("accuracy").asDouble() > 0.7, r::toString);
    assertTrue(Double.isFinite(metrics.get("loss").asDouble()), r::toString);
    assertTrue(r.out().contains("accuracy"), r::toString);
    assertEquals(metrics, JSON.readTree(json.toFile()));
    // The class report: per-class lists, a confusion matrix whose diagonal gives the accuracy
    // the loss pass computed, no ROC AUC for three classes; and the same as tables.
    JsonNode cm = metrics.get("confusion_matrix");
    assertEquals(CLASSES, cm.size(), r::toString);
    long total = 0;
    long hits = 0;
    for (int a = 0; a < CLASSES; a++) {
      long support = 0;
      for (int p = 0; p < CLASSES; p++) {
        support += cm.get(a).get(p).asLong();
      }
      assertEquals(metrics.get("support").get(a).asLong(), support, r::toString);
      assertEquals(CLASSES, metrics.get("precision").size(), r::toString);
      total += support;
      hits += cm.get(a).get(a).asLong();
    }
    assertTrue(total > 0, r::toString);
    assertEquals(metrics.get("accuracy").asDouble(), (double) hits / total, 1e-9);
    assertEquals(metrics.get("accuracy").asDouble(), metrics.get("weighted_recall").asDouble(),
        1e-9);
    assertFalse(metrics.has("roc_auc"), r::toString);
    assertTrue(r.out().contains("macro avg") && r.out().contains("weighted avg")
        && r.out().contains("confusion matrix (rows: true class"), r::toString);
  }

  /** Predicts to parquet; labels are the data's in the order Spark reads it. */
  private void assertPredictsToParquet(Path model, String format, Path data, int[] labels) {
    Path preds = dir.resolve("preds.parquet");
    cliExpect(0, "predict", "--model", model.toString(), "--format", format,
        "--data", data.toString(), "--output", preds.toString());
    var df = spark().read().parquet(preds.toString());
    assertEquals(ROWS, df.count());
    assertEquals(List.of("row", "prediction", "output"), List.of(df.columns()));
    assertInInputOrder(classes(df), labels);
  }

  /** prediction by row, checking the rows are numbered 0..N-1 once each. */
  private static int[] classes(Dataset<Row> df) {
    int[] byRow = new int[ROWS];
    Arrays.fill(byRow, -1);
    for (Row r : df.select("row", "prediction").collectAsList()) {
      int row = Integer.parseInt(r.get(0).toString());
      assertEquals(-1, byRow[row], () -> "row " + row + " appears twice");
      byRow[row] = Integer.parseInt(r.get(1).toString());
    }
    return byRow;
  }

  /** Predictions agree with the labels of the rows they are numbered as: the order is kept. */
  private static void assertInInputOrder(int[] predicted, int[] labels) {
    int agree = 0;
    for (int r = 0; r < ROWS; r++) {
      agree += predicted[r] == labels[r] ? 1 : 0;
    }
    assertTrue(agree > 0.7 * ROWS, "predictions match " + agree + " of " + ROWS + " labels");
  }

  private static void summary(Path model, boolean withTest) {
    Result r = cliExpect(0, "summary", "--model", model.toString());
    assertTrue(r.out().contains(CliTestSupport.fmt("Total params: %,d", PARAMS)), r::toString);
    assertTrue(r.out().contains("Epochs: 3"), r::toString);
    assertEquals(withTest, r.out().contains("Test: "), r::toString);
  }
}
