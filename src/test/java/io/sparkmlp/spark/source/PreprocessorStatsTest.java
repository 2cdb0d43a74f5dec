package io.sparkmlp.spark.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.SparkTestSession;


import io.sparkmlp.data.ColumnStats;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Scaling;
import io.sparkmlp.data.StandardScaler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/**
 * The standard scaler the CLI fits on Spark: the same statistics as the data package's local
 * fit, stable for a feature with a large offset, constant columns decided by the same rule.
 */
class PreprocessorStatsTest {
  private static final int ROWS = 100_000;
  private static final int COLS = 2;

  /** Column 0: 1e6 plus unit noise; column 1: constant 3.5. */
  private static float[] features() {
    Random r = new Random(42);
    float[] x = new float[ROWS * COLS];
    for (int i = 0; i < ROWS; i++) {
      x[i * COLS] = (float) (1e6 + r.nextGaussian());
      x[i * COLS + 1] = 3.5f;
    }
    return x;
  }

  /** Three partitions of unequal size and an empty fourth, one block each. */
  private static JavaRDD<Block> blocks(float[] x) {
    int[] cuts = {0, 1_000, 61_000, ROWS, ROWS};
    List<Block> blocks = new ArrayList<>();
    for (int p = 0; p + 1 < cuts.length; p++) {
      int rows = cuts[p + 1] - cuts[p];
      blocks.add(new Block(p, Arrays.copyOfRange(x, cuts[p] * COLS, cuts[p + 1] * COLS),
          new float[rows], rows, COLS, 1));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get()
        .sparkContext());
    return jsc.parallelize(blocks, blocks.size());
  }

  @Test
  void aLargeOffsetGetsTheTwoPassStatistics() {
    float[] x = features();
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < ROWS; i++) {
      sum += x[i * COLS];
      sumSquares += (double) x[i * COLS] * x[i * COLS];
    }
    double mean = sum / ROWS;
    double squares = 0;
    for (int i = 0; i < ROWS; i++) {
      squares += (x[i * COLS] - mean) * (x[i * COLS] - mean);
    }
    double variance = squares / ROWS;
    // What the former E[x^2] - E[x]^2 gave: far enough off for this test to notice it.
    assertTrue(Math.abs(sumSquares / ROWS - mean * mean - variance) > 0.1 * variance);

    StandardScaler s = Preprocessor.fitScaler(blocks(x), 1.0);
    float std = (float) Math.sqrt(variance);
    assertEquals((float) mean, s.mean()[0], Math.ulp((float) mean));
    assertEquals(std, s.std()[0], Math.ulp(std));
    assertEquals(3.5f, s.mean()[1], "a constant column keeps its value");
    assertEquals(1f, s.std()[1], "and std 1");
  }

  @Test
  void sparkAndLocalFitsAgreeAfterScaling() {
    float[] x = features();
    StandardScaler spark = Preprocessor.fitScaler(blocks(x), 0.5);
    StandardScaler local = StandardScaler.fit(Scaling.divide(new Matrix(x, ROWS, COLS), 2f));
    for (int c = 0; c < COLS; c++) {
      assertEquals(local.mean()[c], spark.mean()[c], Math.ulp(local.mean()[c]), "mean " + c);
      assertEquals(local.std()[c], spark.std()[c], Math.ulp(local.std()[c]), "std " + c);
    }
  }

  @Test
  void theAccumulatorTravelsUnderKryo() {
    ColumnStats stats = new ColumnStats(COLS).add(features(), ROWS, COLS);
    SerializerInstance kryo = new KryoSerializer(SparkTestSession.get().sparkContext().conf())
        .newInstance();
    var tag = ClassTag$.MODULE$.<ColumnStats>apply(ColumnStats.class);
    ColumnStats back = kryo.deserialize(kryo.serialize(stats, tag), tag);
    assertArrayEquals(stats.mean(), back.mean());
    assertArrayEquals(stats.variance(), back.variance());
    assertArrayEquals(stats.min(), back.min());
  }
}
