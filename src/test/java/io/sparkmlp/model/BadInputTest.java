package io.sparkmlp.model;

import static io.sparkmlp.testing.Expect.assertFails;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.optim.Adam;
import org.junit.jupiter.api.Test;

/** Every caller mistake gives one clear message naming the value and what was expected. */
class BadInputTest {

  private static Sequential model() {
    return new Sequential()
        .add(new Dense(4, "relu").inputDim(3))
        .add(new Dense(2, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  private static Matrix x(int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i % 7) * 0.1f;
    }
    return new Matrix(v, rows, cols);
  }

  private static Matrix oneHot(int rows) {
    float[] v = new float[rows * 2];
    for (int r = 0; r < rows; r++) {
      v[r * 2 + r % 2] = 1f;
    }
    return new Matrix(v, rows, 2);
  }

  @Test
  void inputDimThatDoesNotMatchTheData() {
    assertFails(IllegalArgumentException.class,
        () -> model().fit(x(10, 5), oneHot(10), 4, 1), "x has 5 columns", "inputDim is 3");
  }

  @Test
  void rowCountsThatDiffer() {
    assertFails(IllegalArgumentException.class,
        () -> model().fit(x(10, 3), oneHot(9), 4, 1), "x has 10 rows", "y has 9");
  }

  @Test
  void nanInFeatures() {
    Matrix bad = x(10, 3);
    bad.values()[7 * 3 + 2] = Float.NaN;
    assertFails(IllegalArgumentException.class,
        () -> model().fit(bad, oneHot(10), 4, 1), "row 7", "column 2", "NaN", "finite");
    bad.values()[7 * 3 + 2] = Float.POSITIVE_INFINITY;
    assertFails(IllegalArgumentException.class,
        () -> model().evaluate(bad, oneHot(10)), "row 7", "Infinity");
  }

  @Test
  void labelsOutOfRange() {
    Sequential m = new Sequential().add(new Dense(3).inputDim(3))
        .add(new Dense(2, "softmax")).compile("sparse_categorical_crossentropy", "sgd");
    Matrix labels = new Matrix(new float[] {0, 1, 2, 1}, 4, 1);
    assertFails(IllegalArgumentException.class, () -> m.fit(x(4, 3), labels, 2, 1),
        "row 2", "label 2.0", "[0, 2)");
    assertFails(IllegalArgumentException.class, () -> model().fit(x(4, 3),
        new Matrix(new float[] {0, 1, 1, 0}, 4, 1), 2, 1), "1 columns", "2 units",
        "sparse_categorical_crossentropy");
  }

  @Test
  void unknownNames() {
    assertFails(IllegalArgumentException.class, () -> new Dense(3, "relux"),
        "unknown activation 'relux'", "relu, sigmoid");
    assertFails(IllegalArgumentException.class, () -> new Sequential()
        .add(new Dense(2).inputDim(2)).compile("cross_entropy", "adam"),
        "unknown loss 'cross_entropy'", "categorical_crossentropy");
    assertFails(IllegalArgumentException.class, () -> new Sequential()
        .add(new Dense(2).inputDim(2)).compile("mse", "adma"),
        "unknown optimizer 'adma'", "adam");
    assertFails(IllegalArgumentException.class, () -> new Sequential()
        .add(new Dense(2).inputDim(2)).compile("mse", "adam", "accuracy"),
        "'accuracy' needs a classification loss");
    assertFails(IllegalArgumentException.class,
        () -> new Dense(3).kernelInitializer("glorot"), "unknown initializer 'glorot'");
  }

  @Test
  void negativeLearningRate() {
    assertFails(IllegalArgumentException.class,
        () -> new Adam(-0.1), "learning_rate", "-0.1", "> 0");
  }

  @Test
  void lifecycleMistakes() {
    Sequential m = new Sequential().add(new Dense(2).inputDim(2));
    assertFails(IllegalStateException.class, () -> m.fit(x(2, 2), x(2, 2), 1, 1),
        "compile");
    assertFails(IllegalArgumentException.class, () -> new Sequential().add(new Dense(2))
        .compile("mse", "sgd"), "first layer needs inputDim");
    assertFails(IllegalArgumentException.class, () -> new Dropout(1.0), "rate must be in [0, 1)");
    assertFails(IllegalArgumentException.class, () -> FitOptions.builder().batchSize(0).build(),
        "batchSize must be >= 1");
  }
}
