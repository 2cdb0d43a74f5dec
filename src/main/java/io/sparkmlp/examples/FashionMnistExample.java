package io.sparkmlp.examples;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Fashion-MNIST, locally on one thread: 784-256-128-10 ReLU, Adam, batch 128, validating on
 * the 10k test set every epoch.
 * <pre>scripts/run-local.sh io.sparkmlp.examples.FashionMnistExample [epochs] [dataDir] [outDir]</pre>
 */
public final class FashionMnistExample {
  private FashionMnistExample() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Path dataDir = args.length > 1 ? Path.of(args[1]) : FashionMnist.DEFAULT_DIR;
    Path out = Path.of(args.length > 2 ? args[2] : "out/fashion-mnist");
    Matrix[] d = FashionMnist.load(dataDir);
    Sequential model = build(7);
    System.out.print(model.summary());
    long start = System.nanoTime();
    History h = model.fit(d[0], d[1], FitOptions.builder().batchSize(128).epochs(epochs)
        .validationData(d[2], d[3]).seed(7).build());
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> test = model.evaluate(d[2], d[3], 1000);
    System.out.printf(Locale.ROOT, "trained %d epochs in %.1f s; test loss %.4f, test accuracy "
        + "%.4f%n", h.size(), seconds, test.get("loss"), test.get("accuracy"));
    model.save(out);
    System.out.println("saved the model to " + out);
  }

  /** The network of the benchmarks: 784-256-128-10 ReLU, sparse labels, Adam's defaults. */
  public static Sequential build(long seed) {
    return new Sequential().seed(seed)
        .add(new Dense(256, "relu").inputDim(784))
        .add(new Dense(128, "relu"))
        .add(new Dense(10, "softmax"))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
  }
}
