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
 * Makes the .npy files first if they are missing.
 * <pre>scripts/run-local.sh io.sparkmlp.examples.SeedExample [dataDir] [rows]</pre>
 */
public final class SeedExample {
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
    Matrix x = Npy.read(xFile);
    Matrix y = Npy.read(yFile);

    Sequential model = new Sequential()
        .add(new Dense(64, "relu").inputDim(100))
        .add(new Dense(10, "softmax"));
    model.compile("categorical_crossentropy", "adam", "accuracy");
    System.out.print(model.summary());
    History h = model.fit(x, y, 32, 10);
    System.out.printf(Locale.ROOT, "final training accuracy: %.4f (loss %.4f)%n",
        model.evaluate(x, y).get("accuracy"), h.last("loss"));
    Path out = Path.of("out/seed-example");
    model.save(out);
    System.out.println("saved the model to " + out);
  }
}
