package io.sparkmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.train.Checkpoint;
import io.sparkmlp.train.Evaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Sequential.fit shares with Spark training through the one loop: sample weights,
 * class weights, checkpoints and exact resume.
 */
class LocalTrainingTest {
  private static final Matrix[] DATA = SeedData.generate(600, 4);

  @TempDir
  Path tmp;

  private static Sequential model(String loss) {
    return new Sequential().seed(5)
        .add(new Dense(12, "relu").inputDim(SeedData.FEATURES))
        .add(new Dropout(0.1))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile(loss, "adam", "accuracy");
  }

  /** Without dropout: the training pass's metrics are those of inference. */
  private static Sequential noDropout() {
    return new Sequential().seed(5)
        .add(new Dense(12, "relu").inputDim(SeedData.FEATURES))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  private static FitOptions.Builder options() {
    return FitOptions.builder().batchSize(40).epochs(3).seed(7).verbose(0);
  }

  private static float[] weights() {
    float[] w = new float[DATA[0].rows()];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 7 == 0 ? 0f : (i % 5) * 0.75f;
    }
    return w;
  }

  /** Class indices (n, 1) of the one-hot labels. */
  private static Matrix sparseLabels() {
    Matrix y = DATA[1];
    float[] v = new float[y.rows()];
    for (int r = 0; r < v.length; r++) {
      v[r] = Metric.argmax(y.values(), r * y.cols(), y.cols());
    }
    return new Matrix(v, y.rows(), 1);
  }

  @Test
  void unitSampleWeightsTrainExactlyAsNone() {
    Sequential plain = model("categorical_crossentropy");
    History a = plain.fit(DATA[0], DATA[1], options().validationSplit(0.2).build());
    Sequential ones = model("categorical_crossentropy");
    float[] w = new float[DATA[0].rows()];
    Arrays.fill(w, 1f);
    History b = ones.fit(DATA[0], DATA[1], w, options().validationSplit(0.2).build());
    assertArrayEquals(plain.params(), ones.params(), 0f);
    assertEquals(a.get("loss"), b.get("loss"));
    assertEquals(a.get("val_loss"), b.get("val_loss"));
  }

  @Test
  void sampleWeightsChangeTrainingAndWeighTheReportedMeans() {
    FitOptions fullBatch = options().epochs(1).shuffle(false).batchSize(DATA[0].rows())
        .build();
    Sequential plain = noDropout();
    plain.fit(DATA[0], DATA[1], fullBatch);
    Sequential weighted = noDropout();
    History h = weighted.fit(DATA[0], DATA[1], weights(), fullBatch);
    assertNotEquals(Arrays.hashCode(plain.params()), Arrays.hashCode(weighted.params()));
    // One full-batch step: the reported loss is the weighted mean at the initial weights.
    Sequential fresh = noDropout();
    double[] sums = new Evaluator(fresh.network(), fresh.metrics(), DATA[0].rows())
        .sums(DATA[0], DATA[1], weights(), fresh.params());
    double weightSum = SampleWeights.sum(weights(), 0, DATA[0].rows());
    assertEquals(sums[0] / weightSum, h.last("loss"), 1e-9);
    assertEquals(sums[1] / weightSum, h.last("accuracy"), 1e-12);
  }

  @Test
  void classWeightsMultiplyTheSampleWeightsOfEachRowsClass() {
    Map<Integer, Double> cw = new HashMap<>();
    for (int c = 0; c < SeedData.CLASSES; c++) {
      cw.put(c, 0.5 + 0.25 * c);
    }
    float[] sw = weights();
    float[] combined = new float[sw.length];
    Matrix sparse = sparseLabels();
    for (int r = 0; r < sw.length; r++) {
      combined[r] = sw[r] * (float) (0.5 + 0.25 * (int) sparse.get(r, 0));
    }
    Sequential byHand = model("categorical_crossentropy");
    byHand.fit(DATA[0], DATA[1], combined, options().build());

    Sequential oneHot = model("categorical_crossentropy");
    oneHot.fit(DATA[0], DATA[1], sw, options().classWeight(cw).build());
    assertArrayEquals(byHand.params(), oneHot.params(), 0f);

    Sequential sparseByHand = model("sparse_categorical_crossentropy");
    sparseByHand.fit(DATA[0], sparse, combined, options().build());
    Sequential sparseCw = model("sparse_categorical_crossentropy");
    sparseCw.fit(DATA[0], sparse, sw, options().classWeight(cw).build());
    assertArrayEquals(sparseByHand.params(), sparseCw.params(), 0f);
  }

  @Test
  void badClassWeightsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FitOptions.builder().classWeight(Map.of(-1, 1.0)).build());
    assertEquals("classWeight has class -1; classes are indices >= 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> FitOptions.builder().classWeight(Map.of(0, Double.NaN)).build());
    assertEquals("classWeight of class 0 is NaN; every weight must be finite and >= 0",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model("categorical_crossentropy")
        .fit(DATA[0], DATA[1], options().classWeight(Map.of(0, 1.0, 10, 1.0)).build()));
    assertEquals("classWeight has class 10 but the labels have 10 classes (0 to 9)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model("categorical_crossentropy")
        .fit(DATA[0], DATA[1], options().classWeight(Map.of(0, 1.0)).build()));
    assertTrue(e.getMessage().startsWith("classWeight has no weight for class "),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model("categorical_crossentropy")
        .fit(DATA[0], DATA[1], new float[3], options().build()));
    assertEquals("sampleWeight has 3 values but x has 600 rows", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> model("categorical_crossentropy")
        .fit(DATA[0], DATA[1], new float[DATA[0].rows()], options().build()));
    assertEquals("the training rows' weights sum to 0; at least one row needs a positive weight",
        e.getMessage());
  }

  @Test
  void resumeAfterAnInterruptionEqualsAnUninterruptedRun() {
    Sequential straight = model("categorical_crossentropy");
    History whole = straight.fit(DATA[0], DATA[1], weights(), options().epochs(4)
        .validationSplit(0.1).build());

    Path ckpt = tmp.resolve("ckpt");
    List<Map<String, Double>> beforeCrash = new ArrayList<>();
    Callback crash = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl c) {
        if (epoch == 2) {
          throw new IllegalStateException("killed during epoch 3");
        }
        beforeCrash.add(Map.copyOf(logs));
      }
    };
    assertThrows(IllegalStateException.class, () -> model("categorical_crossentropy")
        .fit(DATA[0], DATA[1], weights(), options().epochs(4).validationSplit(0.1)
            .checkpointDir(ckpt).callbacks(crash).build()));
    Checkpoint.State state = Checkpoint.readState(ckpt);
    assertEquals(new Checkpoint.State(2, 7, 1, 540, null, beforeCrash), state);

    Sequential resumed = model("categorical_crossentropy");
    History h = resumed.fit(DATA[0], DATA[1], weights(), options().epochs(4)
        .validationSplit(0.1).checkpointDir(ckpt).resume(true).build());
    assertArrayEquals(straight.params(), resumed.params(), 0f);
    assertEquals(4, h.size(), "the history holds the epochs before the checkpoint too");
    assertEquals(beforeCrash, List.of(h.epoch(0), h.epoch(1)), "as the first run logged them");
    for (String key : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
      assertEquals(whole.get(key), h.get(key), key + " as in the uninterrupted run");
    }
    assertEquals(4, Checkpoint.readState(ckpt).epochsCompleted());
  }

  @Test
  void resumeRefusesAnotherSeed() {
    Path ckpt = tmp.resolve("ckpt");
    model("categorical_crossentropy").fit(DATA[0], DATA[1], options().epochs(1)
        .checkpointDir(ckpt).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> model("categorical_crossentropy").fit(DATA[0], DATA[1], options().epochs(2)
            .seed(8).checkpointDir(ckpt).resume(true).build()));
    assertEquals(ckpt + " was written with seed 7, this run uses 8; resuming needs the same "
        + "seed", e.getMessage());
  }
}
