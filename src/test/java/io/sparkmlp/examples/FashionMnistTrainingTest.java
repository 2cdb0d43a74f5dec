package io.sparkmlp.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Real data: Fashion-MNIST, 784-256-128-10 ReLU, Adam, batch 128, 15 epochs, locally. Needs
 * Debian's dataset-fashion-mnist, which scripts/setup.sh installs (so CI always runs it).
 */
class FashionMnistTrainingTest {

  @Test
  void reachesEightyEightPercentTestAccuracy() {
    Assumptions.assumeTrue(FashionMnist.available(FashionMnist.DEFAULT_DIR),
        "dataset-fashion-mnist is not installed");
    Matrix[] d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
    assertEquals(60_000, d[0].rows());
    assertEquals(10_000, d[2].rows());
    Sequential model = FashionMnistExample.build(7);
    History h = model.fit(d[0], d[1], FitOptions.builder().batchSize(128).epochs(15).seed(7)
        .build());
    double test = model.evaluate(d[2], d[3], 1000).get("accuracy");
    System.out.printf("Fashion-MNIST local: test accuracy %.4f after %d epochs%n", test,
        h.size());
    assertTrue(test >= 0.88, "test accuracy " + test);
  }
}
