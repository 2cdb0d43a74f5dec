package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.source.MatrixSource;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Dropout;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.ConstantSchedule;
import io.sparkmlp.optim.Sgd;
import io.sparkmlp.train.DivergedException;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * Local fit and Spark training are one loop over two gradient sources: on one partition they
 * take the same steps bit for bit, sample weights and divergence included.
 */
class OneLoopTest {
  private static final Matrix[] DATA = SeedData.generate(700, 12);

  private static Sequential model(double learningRate) {
    return new Sequential().seed(4)
        .add(new Dense(16, "relu").inputDim(SeedData.FEATURES).l2(1e-3))
        .add(new Dropout(0.2))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("categorical_crossentropy", new Sgd(new Sgd.Settings(
            new ConstantSchedule(learningRate), null, 0.9, null)), "accuracy");
  }

  private static float[] weights() {
    float[] w = new float[DATA[0].rows()];
    for (int i = 0; i < w.length; i++) {
      w[i] = i % 7 == 0 ? 0f : (i % 5) * 0.75f;
    }
    return w;
  }

  private static FitOptions options() {
    return FitOptions.builder().batchSize(48).epochs(3).seed(11).verbose(0).build();
  }

  private static History onSpark(Sequential m, float[] w, FitOptions options) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    TrainingBlocks blocks = TrainingBlocks.prepare(MatrixSource.blocks(jsc, DATA[0], DATA[1], w,
        1), m.network(), "seed data");
    try {
      return new DistributedTrainer(jsc, m, DistributedOptions.of(options)).fit(blocks, null);
    } finally {
      blocks.release();
    }
  }

  @Test
  void weightedLocalFitEqualsOnePartitionBitForBit() {
    Sequential local = model(0.05);
    History a = local.fit(DATA[0], DATA[1], weights(), options());
    Sequential spark = model(0.05);
    History b = onSpark(spark, weights(), options());
    assertArrayEquals(local.params(), spark.params(), 0f);
    assertEquals(a.get("loss"), b.get("loss"));
    assertEquals(a.get("accuracy"), b.get("accuracy"));
  }

  @Test
  void divergenceIsReportedAlike() {
    DivergedException local = assertThrows(DivergedException.class,
        () -> model(1e30).fit(DATA[0], DATA[1], options()));
    DivergedException spark = assertThrows(DivergedException.class,
        () -> onSpark(model(1e30), null, options()));
    assertEquals(local.getMessage(), spark.getMessage());
  }

  @Test
  void classWeightsTrainAlikeLocallyAndOnSpark() {
    Map<Integer, Double> cw = new HashMap<>();
    for (int c = 0; c < SeedData.CLASSES; c++) {
      cw.put(c, 0.5 + 0.25 * c);
    }
    FitOptions options = options().toBuilder().classWeight(cw).build();
    Sequential local = model(0.05);
    History a = local.fit(DATA[0], DATA[1], weights(), options);
    Sequential spark = model(0.05);
    History b = onSpark(spark, weights(), options);
    assertArrayEquals(local.params(), spark.params(), 0f);
    assertEquals(a.get("loss"), b.get("loss"));

    cw.remove(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> onSpark(model(0.05), null, options().toBuilder().classWeight(cw).build()));
    assertTrue(e.getMessage().startsWith("classWeight has no weight for class 3 (row "),
        e.getMessage());
  }
}
