package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.SparkTestSession;


import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** The training log's start line: Spark's identity, and the epoch's size as the trainer sees it. */
class StartLineTest {
  /** Three partitions of 300, 301 and 0 rows of 12 columns. */
  private static final List<int[]> SHAPES = List.of(new int[] {12, 300}, new int[] {12, 301},
      new int[] {12, 0});

  private static String spark(SparkContext sc) {
    return "training on local[2], application " + sc.applicationId() + ", Spark UI disabled: ";
  }

  @Test
  void aValidationSplitIsTakenFromEachPartitionAsTheTrainerTakesIt() {
    SparkContext sc = SparkTestSession.get().sparkContext();
    // floor(300 * 0.8) + floor(301 * 0.8) + 0 = 480 rows: ceil(480 / 200) = 3 steps.
    assertEquals(spark(sc) + "601 rows in 3 partitions, 480 for training (validation_split "
            + "0.2), batch size 200, 3 steps per epoch, 5 epochs",
        StartLine.of(sc, SHAPES, false, 0.2, 200, 5));
  }

  @Test
  void separateValidationDataLeavesEveryRowForTraining() {
    SparkContext sc = SparkTestSession.get().sparkContext();
    assertEquals(spark(sc) + "601 rows in 3 partitions, batch size 200, 4 steps per epoch, "
        + "1 epoch", StartLine.of(sc, SHAPES, true, 0.2, 200, 1));
    assertEquals(spark(sc) + "601 rows in 3 partitions, batch size 1,000, 1 step per epoch, "
        + "2 epochs", StartLine.of(sc, SHAPES, false, 0, 1000, 2));
  }

  @Test
  void fullBatchNamesIterationsNotBatches() {
    SparkContext sc = SparkTestSession.get().sparkContext();
    assertEquals(spark(sc) + "601 rows in 3 partitions, full-batch L-BFGS, at most 100 "
        + "iterations", StartLine.of(sc, SHAPES, true, 0, 128, 100, true));
  }

  @Test
  void noRowsIsSaidNotThrown() {
    SparkContext sc = SparkTestSession.get().sparkContext();
    assertEquals(spark(sc) + "0 rows in 1 partition, batch size 32, no training rows, "
        + "1 epoch", StartLine.of(sc, List.<int[]>of(new int[] {4, 0}), true, 0, 32, 1));
  }

  @Test
  void shapesAreEachPartitionsColumnsAndRows() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get()
        .sparkContext());
    JavaRDD<Block> blocks = jsc.parallelize(List.of(
        new Block(0, new float[6], new float[3], 3, 2, 1), Block.empty(1, 2, 1)), 2);
    List<int[]> shapes = StartLine.shapes(blocks);
    assertEquals(2, shapes.size());
    assertArrayEquals(new int[] {2, 3}, shapes.get(0));
    assertArrayEquals(new int[] {2, 0}, shapes.get(1));
  }
}
