package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.spark.source.MatrixSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/**
 * {@link PartialSums} adds the partitions' results in partition order whatever order their
 * tasks finish in. The values make the order visible: in double, (2^60 + 1) - 2^60 is 0 but
 * (2^60 - 2^60) + 1 is 1, so a merge in arrival order would give another total.
 */
class PartialSumsTest {
  private static final float BIG = 0x1p60f;
  /** Partition p's one-element gradient sum. */
  private static final float[] VALUES = {BIG, 1f, -BIG};
  /** Partitions in the order their tasks finished (tasks run in this JVM in local mode). */
  private static final ConcurrentLinkedQueue<Integer> FINISHED = new ConcurrentLinkedQueue<>();

  private static GradientSum result(int partition) {
    return GradientSum.empty().add(new float[] {VALUES[partition]}, new double[] {partition},
        1);
  }

  private static float total(GradientSum sum) {
    float[] g = new float[1];
    sum.gradientInto(g);
    return g[0];
  }

  @Test
  void everyArrivalOrderGivesThePartitionOrderSum() {
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (int[] order : orders) {
      InOrderMerge merge = new InOrderMerge(3);
      GradientSum arrival = GradientSum.empty();
      for (int p : order) {
        merge.apply(p, result(p));
        arrival = GradientSum.merge(arrival, result(p));
      }
      GradientSum total = merge.total();
      assertEquals(0f, total(total), "arrival order " + List.of(order[0], order[1], order[2]));
      assertEquals(3, total.count());
      assertArrayEquals(new double[] {3}, total.sums());
      if (order[0] + order[1] == 2) {  // 2^60 and -2^60 first: order matters, as claimed
        assertEquals(1f, total(arrival));
      }
    }
  }

  @Test
  void aPartitionThatNeverReportedIsAnError() {
    InOrderMerge merge = new InOrderMerge(2);
    merge.apply(1, result(1));
    assertThrows(IllegalStateException.class, merge::total);
  }

  @Test
  void moreBlocksThanSlotsRunAsOneRangeOfBlocksPerSlotInPartitionOrder() {
    JavaSparkContext jsc = SparkTestSession.jsc();
    int partitions = 7;
    JavaRDD<Block> blocks = MatrixSource.blocks(jsc, new Matrix(new float[partitions],
        partitions, 1), new Matrix(new float[partitions], partitions, 1), partitions).cache();
    blocks.count();  // cached, as TrainingBlocks are: the groups follow the cached blocks
    FINISHED.clear();
    GradientSum sum = PartialSums.sum(blocks, (acc, block) -> {
      FINISHED.add(TaskContext.getPartitionId() * 100 + block.partition());
      return GradientSum.merge(acc, GradientSum.empty().add(new float[] {SEVEN[block.partition()]},
          new double[] {block.partition()}, 1));
    }, 1);
    blocks.unpersist(false);
    List<Integer> seen = new ArrayList<>(FINISHED);
    seen.sort(null);
    // local[2]: two tasks, partitions 0-2 (a third of 7, rounded down) and 3-6, in order.
    assertEquals(List.of(0, 1, 2, 103, 104, 105, 106), seen);
    List<Integer> task1 = new ArrayList<>(FINISHED);
    task1.removeIf(x -> x < 100);
    assertEquals(List.of(103, 104, 105, 106), task1, "each task folds its range in order");
    double first = ((double) SEVEN[0] + SEVEN[1]) + SEVEN[2];
    double second = (((double) SEVEN[3] + SEVEN[4]) + SEVEN[5]) + SEVEN[6];
    assertEquals((float) (first + second), total(sum));
    assertEquals(7, sum.count());
  }

  /** Values of very different magnitudes, whose double sums round. */
  private static final float[] SEVEN = {BIG, 1f, 3f, -BIG, 0x1p-30f, 5f, 0x1p40f};
}
