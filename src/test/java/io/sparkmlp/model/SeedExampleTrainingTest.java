package io.sparkmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The founding example end to end: 100-64-10 ReLU/softmax, Adam, batch 32, 10 epochs. */
class SeedExampleTrainingTest {

  static Sequential seedModel(long seed) {
    return new Sequential().seed(seed)
        .add(new Dense(64, "relu").inputDim(100))
        .add(new Dense(10, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  @Test
  void reachesNinetyFivePercentTrainingAccuracy() {
    Matrix[] data = SeedData.generate(10_000, 1);
    Sequential model = seedModel(7);
    History h = model.fit(data[0], data[1], FitOptions.builder().batchSize(32).epochs(10)
        .verbose(0).build());
    List<Double> loss = h.get("loss");
    assertEquals(10, loss.size());
    for (int e = 1; e < loss.size(); e++) {
      assertTrue(loss.get(e) < loss.get(e - 1), "loss should fall every epoch: " + loss);
    }
    assertTrue(h.last("accuracy") >= 0.95, "training accuracy " + h.last("accuracy"));
    double evalAcc = model.evaluate(data[0], data[1]).get("accuracy");
    assertTrue(evalAcc >= 0.95, "evaluate accuracy " + evalAcc);
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    Matrix[] data = SeedData.generate(2_000, 3);
    float[] a = train(data, 11);
    float[] b = train(data, 11);
    float[] c = train(data, 12);
    assertArrayEquals(a, b, 0f);
    assertTrue(Arrays.equals(a, b), "bit-identical");
    assertFalse(Arrays.equals(a, c), "another seed gives other weights");
  }

  private static float[] train(Matrix[] data, long seed) {
    Sequential m = seedModel(seed);
    m.fit(data[0], data[1], FitOptions.builder().batchSize(32).epochs(2).verbose(0).build());
    return m.params().clone();
  }
}
