package io.sparkmlp.examples;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The example that started the project: x_train.npy (n, 100) float64 and one-hot
 * y_train.npy (n, 10), a 100-64-10 ReLU/softmax network, Adam, batch 32, 10 epochs.
 * Makes the .npy files first if they are missing, and x_test.npy / y_test.npy: the next
 * {@value #TEST_ROWS} rows of the same generator, labelled by the same rule, held out.
 * <pre>scripts/run-local.sh io.sparkmlp.examples.SeedExample [dataDir] [rows]</pre>
 */
public final class SeedExample {
  static final int TEST_ROWS = 2_000;

  private SeedExample() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "data");
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path xFile = dir.resolve("x_train.npy");
    Path yFile = dir.resolve("y_train.npy");
    if (!Files.exists(xFile) || !Files.exists(yFile)) {
      Matrix[] made = SeedData.generate(rows, 2024);
      Npy.writeFloat64(xFile, made[0]);
      Npy.writeFloat64(yFile, made[1]);
      System.out.printf("wrote %s and %s (%d rows, float64)%n", xFile, yFile, rows);
    }
    Path xTest = dir.resolve("x_test.npy");
    Path yTest = dir.resolve("y_test.npy");
    Matrix x = Npy.read(xFile);
    Matrix y = Npy.read(yFile);
    if (!Files.exists(xTest) || !Files.exists(yTest)) {
      // The generator draws row after row, so rows n.. of a longer draw are new rows of the
      // same rule.
      Matrix[] more = SeedData.generate(x.rows() + TEST_ROWS, 2024);
      Npy.writeFloat64(xTest, more[0].slice(x.rows(), x.rows() + TEST_ROWS));
      Npy.writeFloat64(yTest, more[1].slice(x.rows(), x.rows() + TEST_ROWS));
      System.out.printf("wrote %s and %s (%d held-out rows, float64)%n", xTest, yTest,
          TEST_ROWS);
    }

    Sequential model = new Sequential()
        .add(new Dense(64, "relu").inputDim(100))
        .add(new Dense(10, "softmax"));
    model.compile("categorical_crossentropy", "adam", "accuracy");
    System.out.print(model.summary());
    History h = model.fit(x, y, 32, 10);
    double seconds = h.get("seconds").stream().mapToDouble(Double::doubleValue).sum();
    System.out.printf(Locale.ROOT, "final training accuracy: %.4f (loss %.4f), trained in "
        + "%.2f s%n", model.evaluate(x, y).get("accuracy"), h.last("loss"), seconds);
    System.out.printf(Locale.ROOT, "test accuracy: %.4f on %s%n",
        model.evaluate(Npy.read(xTest), Npy.read(yTest)).get("accuracy"), xTest);
    Path out = Path.of("out/seed-example");
    model.save(out);
    System.out.println("saved the model to " + out);
  }
}
