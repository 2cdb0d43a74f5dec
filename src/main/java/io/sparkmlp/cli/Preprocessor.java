package io.sparkmlp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkmlp.spark.Block;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/**
 * The preprocessing of a run, fitted on the training data and applied the same way to
 * validation, test and prediction data: features multiplied by {@code scale}, then (when
 * standardizing) z-scored with the training mean and standard deviation; integer labels
 * one-hot encoded to {@code classes} columns. Saved with the model as preprocessing.json so
 * {@code evaluate} and {@code predict} transform new data exactly as training did.
 */
final class Preprocessor implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FILE = "preprocessing.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final float scale;
  private final float[] mean;
  private final float[] std;
  private final int classes;

  Preprocessor(float scale, float[] mean, float[] std, int classes) {
    this.scale = scale;
    this.mean = mean;
    this.std = std;
    this.classes = classes;
  }

  /** Fits the configured preprocessing on the training blocks (one pass when standardizing). */
  static Preprocessor fit(PreprocessingConfig cfg, JavaRDD<Block> train, int outputUnits) {
    float scale = (float) cfg.scale();
    float[] mean = null;
    float[] std = null;
    if (cfg.standardize()) {
      double[][] moments = train.map(b -> moments(b, scale)).reduce(Preprocessor::add);
      int cols = moments[0].length;
      mean = new float[cols];
      std = new float[cols];
      double n = Math.max(moments[2][0], 1);
      for (int c = 0; c < cols; c++) {
        double m = moments[0][c] / n;
        double var = Math.max(moments[1][c] / n - m * m, 0);
        mean[c] = (float) m;
        // Constant columns keep std 1: centring them is all z-scoring can do.
        std[c] = var > 1e-24 ? (float) Math.sqrt(var) : 1f;
      }
    }
    return new Preprocessor(scale, mean, std, cfg.oneHot() ? outputUnits : 0);
  }

  /** Column sums, sums of squares and the row count of a block's scaled features. */
  private static double[][] moments(Block b, float scale) {
    double[] sum = new double[b.xCols()];
    double[] sq = new double[b.xCols()];
    float[] x = b.x();
    for (int r = 0; r < b.rows(); r++) {
      for (int c = 0; c < b.xCols(); c++) {
        double v = x[r * b.xCols() + c] * scale;
        sum[c] += v;
        sq[c] += v * v;
      }
    }
    return new double[][] {sum, sq, {b.rows()}};
  }

  private static double[][] add(double[][] a, double[][] b) {
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        a[i][j] += b[i][j];
      }
    }
    return a;
  }

  /** The blocks transformed; an identity preprocessing returns them as they are. */
  JavaRDD<Block> apply(JavaRDD<Block> blocks) {
    if (scale == 1f && mean == null && classes == 0) {
      return blocks;
    }
    return blocks.map(this::apply);
  }

  Block apply(Block b) {
    float[] x = b.x().clone();
    for (int i = 0; i < x.length; i++) {
      float v = x[i] * scale;
      if (mean != null) {
        int c = i % b.xCols();
        v = (v - mean[c]) / std[c];
      }
      x[i] = v;
    }
    if (classes == 0) {
      return new Block(b.partition(), x, b.y(), b.rows(), b.xCols(), b.yCols());
    }
    if (b.yCols() != 1) {
      throw new IllegalArgumentException("preprocessing.one_hot needs one integer label per row, "
          + "the labels have " + b.yCols() + " columns");
    }
    float[] y = new float[b.rows() * classes];
    for (int r = 0; r < b.rows(); r++) {
      float label = b.y()[r];
      if (label != Math.rint(label) || label < 0 || label >= classes) {
        throw new IllegalArgumentException("preprocessing.one_hot: label " + label + " in row "
            + r + " of partition " + b.partition() + " is not a class in [0, " + classes + ")");
      }
      y[r * classes + (int) label] = 1f;
    }
    return new Block(b.partition(), x, y, b.rows(), b.xCols(), classes);
  }

  void save(Path dir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scale", scale);
    m.put("mean", mean);
    m.put("std", std);
    m.put("one_hot_classes", classes);
    try {
      Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(m));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The preprocessing saved with a model, or the identity when the model has none. */
  static Preprocessor load(Path modelDir) {
    Path file = modelDir.resolve(FILE);
    if (!Files.exists(file)) {
      return new Preprocessor(1f, null, null, 0);
    }
    try {
      JsonNode n = JSON.readTree(Files.readString(file));
      return new Preprocessor((float) n.get("scale").asDouble(), floats(n.get("mean")),
          floats(n.get("std")), n.get("one_hot_classes").asInt());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": cannot read the preprocessing: "
          + e.getMessage(), e);
    }
  }

  private static float[] floats(JsonNode a) {
    if (a == null || a.isNull()) {
      return null;
    }
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) a.get(i).asDouble();
    }
    return v;
  }
}
