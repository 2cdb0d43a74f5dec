package io.sparkmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.optim.Sgd;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras-style surface: validation, callbacks, predict/evaluate, save/load and resume. */
class SequentialApiTest {
  @TempDir
  Path tmp;

  private static final Matrix[] DATA = SeedData.generate(1_500, 5);

  private static Sequential small(long seed) {
    return new Sequential().seed(seed)
        .add(new Dense(16, "tanh").inputDim(100))
        .add(new Dropout(0.1))
        .add(new Dense(10, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy", "top_k_accuracy");
  }

  @Test
  void validationSplitLogsKerasNames() {
    History h = small(1).fit(DATA[0], DATA[1], FitOptions.builder().epochs(2)
        .validationSplit(0.2).verbose(0).build());
    assertEquals(List.of("loss", "accuracy", "top_k_accuracy", "val_loss", "val_accuracy",
        "val_top_k_accuracy", "steps", "seconds", "samples_per_second"), h.keys());
    assertEquals(38.0, h.epoch(0).get("steps"));  // ceil(1200 / 32)
    assertTrue(h.last("val_top_k_accuracy") >= h.last("val_accuracy"));
  }

  @Test
  void predictAgreesWithEvaluate() {
    Sequential m = small(2);
    m.fit(DATA[0], DATA[1], FitOptions.builder().epochs(2).verbose(0).build());
    Matrix p = m.predict(DATA[0]);
    assertEquals(DATA[0].rows(), p.rows());
    for (int r = 0; r < p.rows(); r++) {
      double sum = 0;
      for (int c = 0; c < p.cols(); c++) {
        sum += p.get(r, c);
      }
      assertEquals(1.0, sum, 1e-5);
    }
    int[] classes = m.predictClasses(DATA[0]);
    int hits = 0;
    for (int r = 0; r < classes.length; r++) {
      hits += DATA[1].get(r, classes[r]) == 1f ? 1 : 0;
    }
    assertEquals((double) hits / classes.length, m.evaluate(DATA[0], DATA[1]).get("accuracy"),
        1e-12);
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestWeights() {
    Sequential m = new Sequential().seed(3)
        .add(new Dense(32, "relu").inputDim(100))
        .add(new Dense(10, "softmax"))
        .compile("categorical_crossentropy", new Sgd(2.0), "accuracy");
    EarlyStopping stop = new EarlyStopping("val_loss", 2).restoreBestWeights(true);
    History h = m.fit(DATA[0], DATA[1], FitOptions.builder().epochs(30).validationSplit(0.2)
        .callbacks(stop).verbose(0).build());
    assertTrue(h.size() < 30, "stopped early: " + h.get("val_loss"));
    assertTrue(h.stopReason().startsWith("early stopping"), h.stopReason());
    double restored = m.evaluate(DATA[0].slice(1200, 1500), DATA[1].slice(1200, 1500))
        .get("loss");
    assertEquals(stop.best(), restored, 1e-6, "best weights are back");
    assertEquals(h.get("val_loss").stream().mapToDouble(d -> d).min().getAsDouble(), stop.best());
  }

  @Test
  void targetLossEndsTrainingWhenReached() {
    TargetLoss target = new TargetLoss(1.0);
    History h = small(4).fit(DATA[0], DATA[1], FitOptions.builder().epochs(50)
        .callbacks(target).verbose(0).build());
    assertTrue(target.reached());
    assertEquals(h.size() - 1, target.reachedAtEpoch());
    assertTrue(h.last("loss") <= 1.0);
    assertTrue(h.size() == 1 || h.get("loss").get(h.size() - 2) > 1.0, "stopped at the first");
  }

  @Test
  void saveLoadKeepsPredictionsAndResumesBitForBit() {
    FitOptions four = FitOptions.builder().epochs(4).verbose(0).build();
    Sequential straight = small(9);
    straight.fit(DATA[0], DATA[1], four);

    Sequential first = small(9);
    first.fit(DATA[0], DATA[1], FitOptions.builder().epochs(2).verbose(0).build());
    Path dir = tmp.resolve("model");
    first.save(dir);
    Sequential loaded = Sequential.load(dir);
    assertArrayEquals(first.predict(DATA[0]).values(), loaded.predict(DATA[0]).values());
    assertEquals(first.summary(), loaded.summary());
    loaded.fit(DATA[0], DATA[1], FitOptions.builder().epochs(4).initialEpoch(2).verbose(0)
        .build());
    assertArrayEquals(straight.params(), loaded.params(), 0f);
  }

  /**
   * Every row of the table, its parameter count computed here as (nIn + 1)·nOut (nIn·nOut
   * without a bias), and the total line with its size in float32 bytes.
   */
  @Test
  void summaryCountsParameters() {
    assertEquals(List.of(
        "dense_0 (Dense, tanh) | (None, 16) | " + String.format(Locale.ROOT, "%,d", (100 + 1) * 16),
        "dropout_0 (Dropout) | (None, 16) | 0",
        "dense_1 (Dense, softmax) | (None, 10) | " + (16 + 1) * 10), tableRows(small(1)));
    assertEquals("Total params: 1,786 (6.98 KB)", totalLine(small(1)));   // 1,616 + 170
    assertEquals(1_786, small(1).network().numParams());

    Sequential wide = new Sequential()
        .add(new Dense(1_000, "relu").inputDim(1_023))
        .add(new Dense(7).useBias(false))
        .add(new Dense(1, "sigmoid"))
        .compile("binary_crossentropy", "sgd");
    int total = (1_023 + 1) * 1_000 + 1_000 * 7 + (7 + 1);
    assertEquals(List.of(
        "dense_0 (Dense, relu) | (None, 1000) | 1,024,000",
        "dense_1 (Dense, linear) | (None, 7) | 7,000",
        "dense_2 (Dense, sigmoid) | (None, 1) | 8"), tableRows(wide));
    assertEquals(String.format(Locale.ROOT, "Total params: 1,031,008 (%.2f MB)",
        4.0 * total / (1 << 20)), totalLine(wide));
    assertEquals(total, wide.network().numParams());
  }

  /** The summary's layer rows as "name | shape | count", read back from its columns. */
  private static List<String> tableRows(Sequential m) {
    List<String> rows = new java.util.ArrayList<>();
    java.util.regex.Pattern row = java.util.regex.Pattern.compile(
        "^(\\w+ \\([^)]*\\)) +(\\(None, \\d+\\)) +([\\d,]+)$");
    for (String line : m.summary().split("\n")) {
      java.util.regex.Matcher r = row.matcher(line);
      if (r.matches()) {
        rows.add(r.group(1) + " | " + r.group(2) + " | " + r.group(3));
      }
    }
    return rows;
  }

  private static String totalLine(Sequential m) {
    return m.summary().lines().filter(l -> l.startsWith("Total params")).findFirst()
        .orElseThrow();
  }

  @Test
  void regressionWithMseAndL2() {
    // y = sin(x0) + 0.5 x1 on 400 points: a smooth function a small net fits well.
    int n = 400;
    float[] x = new float[n * 2];
    float[] y = new float[n];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      x[2 * i] = (float) (rng.nextDouble() * 4 - 2);
      x[2 * i + 1] = (float) (rng.nextDouble() * 2 - 1);
      y[i] = (float) (Math.sin(x[2 * i]) + 0.5 * x[2 * i + 1]);
    }
    Sequential m = new Sequential().seed(1)
        .add(new Dense(32, "gelu").inputDim(2).l2(1e-5))
        .add(new Dense(1))
        .compile("mse", new io.sparkmlp.optim.Adam(0.01), "mae");
    History h = m.fit(new Matrix(x, n, 2), new Matrix(y, n, 1),
        FitOptions.builder().batchSize(16).epochs(60).verbose(0).build());
    Map<String, Double> e = m.evaluate(new Matrix(x, n, 2), new Matrix(y, n, 1));
    assertTrue(e.get("loss") < 0.01, "mse " + e);
    assertTrue(h.get("loss").get(0) > 5 * h.last("loss"));
  }
}
