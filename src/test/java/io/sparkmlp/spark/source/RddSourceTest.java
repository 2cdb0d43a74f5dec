package io.sparkmlp.spark.source;

import static io.sparkmlp.spark.source.SourceAsserts.assertBalanced;
import static io.sparkmlp.spark.source.SourceAsserts.collect;
import static io.sparkmlp.testing.Expect.assertFailsInChain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.SparkTestSession;
import io.sparkmlp.spark.TrainingBlocks;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.LabeledPoint;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RddSource}: LabeledSamples and LabeledPoints become one block per partition holding
 * each input partition's rows in order under {@link Rebalance}'s rule; bad elements name their
 * index and partition.
 */
class RddSourceTest {
  private static final int ROWS = 26;
  private static final int INPUTS = 3;

  /** Element id: features (id, -id, id/2, 1), label one-hot of id % 2. */
  static LabeledSample sample(int id) {
    return new LabeledSample(new float[] {id, -id, id / 2f, 1}, id % 2 == 0
        ? new float[] {1, 0} : new float[] {0, 1});
  }

  static JavaRDD<LabeledSample> samples() {
    List<LabeledSample> list = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      list.add(sample(i));
    }
    return SparkTestSession.jsc().parallelize(list, INPUTS);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 40})
  void samplesKeepTheirOrderWithinEachInputPartition(int partitions) {
    JavaRDD<LabeledSample> rdd = samples();
    List<List<Integer>> inputs = SourceAsserts.idsByPartition(rdd, s -> (int) s.features()[0]);
    List<Block> blocks = collect(RddSource.blocks(rdd, partitions), partitions);
    List<List<Integer>> expected = SourceAsserts.expectedIds(inputs, partitions);
    for (int j = 0; j < partitions; j++) {
      Block b = blocks.get(j);
      assertEquals(expected.get(j).size(), b.rows(), "rows of block " + j);
      for (int r = 0; r < b.rows(); r++) {
        LabeledSample s = sample(expected.get(j).get(r));
        assertArrayEquals(s.features(), Arrays.copyOfRange(b.x(), r * 4, r * 4 + 4));
        assertArrayEquals(s.label(), Arrays.copyOfRange(b.y(), r * 2, r * 2 + 2));
      }
    }
    if (partitions != INPUTS && partitions <= ROWS) {
      assertBalanced(blocks, INPUTS);
    }
  }

  @Test
  void labeledPointsDenseAndSparse() {
    List<LabeledPoint> points = List.of(
        new LabeledPoint(2, Vectors.dense(1, 0, 3)),
        new LabeledPoint(0, Vectors.sparse(3, new int[] {1}, new double[] {-4})),
        new LabeledPoint(1, Vectors.sparse(3, new int[] {}, new double[] {})),
        new LabeledPoint(7.5, Vectors.dense(0.1, 0.2, 0.3)));
    JavaSparkContext jsc = SparkTestSession.jsc();
    List<Block> blocks = collect(RddSource.fromLabeledPoints(jsc.parallelize(points, 1), 2), 2);
    assertArrayEquals(new float[] {1, 0, 3, 0, -4, 0, 0, 0, 0, 0.1f, 0.2f, 0.3f},
        SourceAsserts.concat(blocks, true));
    assertArrayEquals(new float[] {2, 0, 1, 7.5f}, SourceAsserts.concat(blocks, false));
    assertEquals(3, blocks.get(0).xCols());
    assertEquals(1, blocks.get(0).yCols());
  }

  @Test
  void badElementsNameTheirIndexAndPartition() {
    JavaSparkContext jsc = SparkTestSession.jsc();
    List<LabeledSample> list = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      list.add(sample(i));
    }
    list.set(7, new LabeledSample(new float[3], new float[2]));  // partition 1, element 2
    assertFailsInChain(() -> RddSource.blocks(jsc.parallelize(list, 2), 2).count(),
        "RDD element 2 of "
        + "input partition 1 has 3 features, expected 4 (as the first element)");
    list.set(7, LabeledSample.of(new float[4], 1));
    assertFailsInChain(() -> RddSource.blocks(jsc.parallelize(list, 2), 3).count(),
        "RDD element 2 of "
        + "input partition 1 has 1 label values, expected 2");
    list.set(7, new LabeledSample(null, new float[2]));
    assertFailsInChain(() -> RddSource.blocks(jsc.parallelize(list, 2), 2).count(),
        "RDD element 2 of "
        + "input partition 1 is null or has null features or label");
    List<LabeledPoint> points = List.of(new LabeledPoint(0, Vectors.dense(1, 2)),
        new LabeledPoint(1, Vectors.dense(1, 2, 3)));
    assertFailsInChain(() -> RddSource.fromLabeledPoints(jsc.parallelize(points, 1), 1).count(),
        "RDD element 1 of input partition 0 has 3 features, expected 2");
    assertFailsInChain(() -> RddSource.blocks(samples(), -1), "numPartitions must be >= 0");
  }

  @Test
  void emptyRddGivesEmptyBlocksThatPrepareRejects() {
    JavaRDD<LabeledSample> empty = samples().filter(s -> false);
    assertEquals(0, collect(RddSource.blocks(empty, 3), 3).stream().mapToInt(Block::rows).sum());
    assertFailsInChain(() -> TrainingBlocks.prepare(RddSource.blocks(empty, 0),
        SourceAsserts.classifier(4, 2), "training RDD"), "training RDD is empty");
  }
}
