package io.sparkmlp.ml;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;


import io.sparkmlp.cli.Main;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.source.Preprocessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory from {@code sparkmlp train} opens as an MLPClassificationModel that reads
 * raw features, predicting what the CLI's own path (preprocessing.json, then the network)
 * predicts.
 */
class CliModelDirTest {
  private static final int FEATURES = 4;

  @Test
  void cliModelOpensAsAClassificationModel(@TempDir Path dir) throws Exception {
    double[][] x = rows(120, 8);
    Path csv = dir.resolve("train.csv");
    StringBuilder sb = new StringBuilder("f0,f1,f2,f3,label\n");
    for (int r = 0; r < x.length; r++) {
      for (double v : x[r]) {
        sb.append(String.format(Locale.ROOT, "%.6f,", v));
      }
      sb.append(r % 3).append('\n');
    }
    Files.writeString(csv, sb.toString());
    Path out = dir.resolve("out");
    Path config = dir.resolve("run.yaml");
    Files.writeString(config, String.join("\n",
        "distributed: {partitions: 2}",
        "data:",
        "  format: csv",
        "  train: {path: '" + csv + "', label: label}",
        "preprocessing: {scale: 0.5, standardize: true}",
        "model:",
        "  seed: 7",
        "  layers:",
        "    - {type: dense, units: 8, activation: tanh}",
        "    - {type: dense, units: 3, activation: softmax}",
        "compile:",
        "  loss: sparse_categorical_crossentropy",
        "  optimizer: {name: adam, learning_rate: 0.05}",
        "fit:",
        "  batch_size: 40",
        "  epochs: 2",
        "output:",
        "  dir: '" + out + "'", ""));
    MlTestData.spark();   // the CLI reuses the running session
    assertEquals(0, Main.run("train", "--config", config.toString()));

    MLPClassificationModel model = MLPClassificationModel.load(out.toString());
    assertArrayEquals(new int[] {4, 8, 3}, model.getLayers());
    assertEquals("tanh", model.getActivation());

    // The CLI's path: preprocessing.json applied to the raw features, then the network.
    Sequential cli = Sequential.load(out);
    float[] flat = new float[x.length * FEATURES];
    for (int r = 0; r < x.length; r++) {
      for (int c = 0; c < FEATURES; c++) {
        flat[r * FEATURES + c] = (float) x[r][c];
      }
    }
    Block pre = Preprocessor.load(out).apply(new Block(0, flat, new float[x.length], x.length,
        FEATURES, 1));
    Matrix expected = cli.predict(new Matrix(pre.x(), x.length, FEATURES));

    List<Row> predicted = model.transform(frame(x)).select("probability").collectAsList();
    for (int r = 0; r < x.length; r++) {
      Vector p = predicted.get(r).getAs(0);
      for (int k = 0; k < 3; k++) {
        assertEquals(expected.get(r, k), p.apply(k), 1e-5, "row " + r + " class " + k);
      }
    }

    // Saved in Spark ML's format, it loads back with the same weights.
    Path saved = dir.resolve("ml");
    model.write().save(saved.toString());
    assertArrayEquals(model.network().params(),
        MLPClassificationModel.load(saved.toString()).network().params());

    assertFails(() -> MLPRegressionModel.load(out.toString()), "ends in softmax",
        "open it as MLPClassificationModel");
  }

  private static double[][] rows(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = new double[n][FEATURES];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < FEATURES; c++) {
        // Class r % 3 sits high in feature r % 3; a large offset makes standardising matter.
        double v = 10 + (c == r % 3 ? 3.0 : 0.0) + MlTestData.gaussian(rng);
        x[r][c] = Math.round(v * 1e6) / 1e6;   // as the CSV holds it
      }
    }
    return x;
  }

  private static Dataset<Row> frame(double[][] x) {
    List<Row> rows = new ArrayList<>();
    for (double[] r : x) {
      rows.add(RowFactory.create(Vectors.dense(r)));
    }
    return MlTestData.spark().createDataFrame(rows,
        new StructType().add("features", SQLDataTypes.VectorType()));
  }
}
