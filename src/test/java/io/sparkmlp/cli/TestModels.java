package io.sparkmlp.cli;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Dropout;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.source.Preprocessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Model directories for the predict, export and Python tests, made without training: random
 * weights and biases (nonzero, so a misplaced bias shows), every activation the project has,
 * and optionally a saved preprocessing.
 */
final class TestModels {
  /** Features of every test model. */
  static final int FEATURES = 6;

  private TestModels() {}

  /**
   * 6 → every hidden activation → 4 softmax, with a Dropout layer and a bias-less Dense layer
   * in between.
   */
  static Sequential classifier(long seed) {
    Sequential m = new Sequential().seed(seed)
        .add(new Dense(7, "relu").inputDim(FEATURES))
        .add(new Dense(7, "tanh"))
        .add(new Dropout(0.3))
        .add(new Dense(6, "gelu").useBias(false))
        .add(new Dense(6, "elu"))
        .add(new Dense(5, "leaky_relu"))
        .add(new Dense(5, "swish"))
        .add(new Dense(5, "sigmoid"))
        .add(new Dense(5, "linear"))
        .add(new Dense(4, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
    randomize(m, seed);
    return m;
  }

  /** 6 → 5 relu → 1 sigmoid: a binary classifier, one output. */
  static Sequential binary(long seed) {
    Sequential m = new Sequential().seed(seed)
        .add(new Dense(5, "relu").inputDim(FEATURES))
        .add(new Dense(1, "sigmoid"))
        .compile("binary_crossentropy", "adam", "accuracy");
    randomize(m, seed);
    return m;
  }

  /** Every parameter drawn from N(0, 0.7²). */
  private static void randomize(Sequential m, long seed) {
    Random rnd = new Random(seed);
    float[] p = m.params();
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) (0.7 * rnd.nextGaussian());
    }
  }

  /** Raw features: integers 0..255 as pixels are, (rows, FEATURES). */
  static Matrix pixels(int rows, long seed) {
    Random rnd = new Random(seed);
    float[] v = new float[rows * FEATURES];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextInt(256);
    }
    return new Matrix(v, rows, FEATURES);
  }

  /**
   * Saves m to dir with a preprocessing.json that scales by 1/255 and then standardizes with
   * the given per-column mean and std (as train writes it).
   */
  static Path save(Sequential m, Path dir, float[] mean, float[] std) {
    m.save(dir);
    String json = "{\"scale\":0.00392156862745098,\"mean\":" + list(mean) + ",\"std\":"
        + list(std) + ",\"one_hot_classes\":0}";
    try {
      Files.writeString(dir.resolve(Preprocessor.FILE), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  private static String list(float[] v) {
    return "[" + Arrays.stream(box(v)).map(String::valueOf).collect(Collectors.joining(","))
        + "]";
  }

  private static Float[] box(float[] v) {
    Float[] b = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = v[i];
    }
    return b;
  }
}
