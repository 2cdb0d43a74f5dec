package io.sparkmlp.spark.source;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sparkmlp.data.ColumnStats;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.OneHot;
import io.sparkmlp.data.Scaling;
import io.sparkmlp.data.StandardScaler;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.Storage;
import io.sparkmlp.spark.Block;
import io.sparkmlp.util.Checks;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaRDD;

/**
 * The preprocessing of a run, fitted on the training data and applied the same way to
 * validation, test and prediction data: features multiplied by {@code scale} (as a division by
 * 1/scale, so 1/255 rounds pixels exactly as NumPy's x / 255), then (when standardizing)
 * z-scored with the training mean and standard deviation; integer labels one-hot encoded to
 * {@code classes} columns. The transforms are the data package's own, applied per block.
 * Saved with the model as preprocessing.json so
 * {@code evaluate} and {@code predict} transform new data exactly as training did.
 */
public final class Preprocessor implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String FILE = "preprocessing.json";

  private final double scale;
  private final float[] mean;
  private final float[] std;
  private final int classes;

  Preprocessor(double scale, float[] mean, float[] std, int classes) {
    this.scale = scale;
    this.mean = mean;
    this.std = std;
    this.classes = classes;
  }

  /** Fits the configured preprocessing on the training blocks (one pass when standardizing). */
  public static Preprocessor fit(PreprocessingConfig cfg, JavaRDD<Block> train,
                                 int outputUnits) {
    double scale = cfg.scale();
    float[] mean = null;
    float[] std = null;
    if (cfg.standardize()) {
      StandardScaler scaler = fitScaler(train, scale);
      mean = scaler.mean();
      std = scaler.std();
    }
    return new Preprocessor(scale, mean, std, cfg.oneHot() ? outputUnits : 0);
  }

  /**
   * The standard scaler of the training features after scaling, fitted as the data package
   * fits one locally: each partition's block summarised in a {@link ColumnStats} (the features
   * scaled exactly as {@link #apply(Block)} scales them), merged across partitions.
   */
  public static StandardScaler fitScaler(JavaRDD<Block> train, double scale) {
    Preprocessor scaling = new Preprocessor(scale, null, null, 0);
    ColumnStats stats = train.map(b -> {
      Block scaled = scaling.apply(b);
      return new ColumnStats(scaled.xCols()).add(scaled.x(), scaled.rows(), scaled.xCols());
    }).treeReduce(ColumnStats::merge);
    Checks.argument(stats.count() > 0, "preprocessing.standardize: the training data has no "
        + "rows");
    return StandardScaler.fit(stats);
  }

  /**
   * The same transform of the features, leaving the labels alone: for prediction, where the
   * label slot holds no class (nothing, or a row key) and must not be one-hot encoded.
   */
  public Preprocessor featuresOnly() {
    return new Preprocessor(scale, mean, std, 0);
  }

  /** The blocks transformed; an identity preprocessing returns them as they are. */
  public JavaRDD<Block> apply(JavaRDD<Block> blocks) {
    if (scale == 1.0 && mean == null && classes == 0) {
      return blocks;
    }
    return blocks.map(this::apply);
  }

  public Block apply(Block b) {
    Matrix x = new Matrix(b.x(), b.rows(), b.xCols());
    if (scale != 1.0) {
      x = Scaling.divide(x, (float) (1.0 / scale));
    }
    if (mean != null) {
      x = new StandardScaler(mean, std).transform(x);
    }
    if (classes == 0) {
      return new Block(b.partition(), x.values(), b.y(), b.rows(), b.xCols(), b.yCols());
    }
    Matrix y;
    try {
      y = OneHot.encode(new Matrix(b.y(), b.rows(), b.yCols()), classes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("preprocessing.one_hot, partition " + b.partition()
          + ": " + e.getMessage(), e);
    }
    return new Block(b.partition(), x.values(), y.values(), b.rows(), b.xCols(), classes);
  }

  /** What preprocessing.json holds; mean and std are null when not standardizing. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Saved(Double scale, float[] mean, float[] std, Integer oneHotClasses) {
    Saved {
      Checks.argument(scale != null && oneHotClasses != null,
          "scale and one_hot_classes are required");
    }
  }

  public void save(Path dir) {
    try {
      Files.writeString(dir.resolve(FILE), Json.json().writeValueAsString(
          new Saved(scale, mean, std, classes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The preprocessing saved with a model, or the identity when the model has none. */
  public static Preprocessor load(Path modelDir) {
    return load(Location.of(modelDir));
  }

  /** As {@link #load(Path)} for a model directory that is a local path or a Hadoop URI. */
  public static Preprocessor load(Location modelDir) {
    Location file = modelDir.resolve(FILE);
    try {
      if (!Storage.exists(file)) {
        return new Preprocessor(1.0, null, null, 0);
      }
      Saved s = Json.json().readValue(Storage.readString(file), Saved.class);
      return new Preprocessor(s.scale(), s.mean(), s.std(), s.oneHotClasses());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(file + ": cannot read the preprocessing: "
          + e.getMessage(), e);
    }
  }
}
