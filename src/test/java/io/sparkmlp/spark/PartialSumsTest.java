package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkmlp.data.Matrix;
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
  void aSparkJobSumsInPartitionOrderWhenTheMiddleTaskFinishesLast() {
    JavaSparkContext jsc = SparkTestSession.jsc();
    JavaRDD<Block> blocks = MatrixSource.blocks(jsc, new Matrix(new float[3], 3, 1),
        new Matrix(new float[3], 3, 1), 3);
    FINISHED.clear();
    // local[2]: tasks 0 and 1 start; 0 ends at once, 2 takes its slot and ends; 1 ends last.
    GradientSum sum = PartialSums.sum(blocks, (acc, block) -> {
      int p = TaskContext.getPartitionId();
      if (p == 1) {
        Thread.sleep(1500);
      }
      GradientSum out = GradientSum.merge(acc, result(p));
      FINISHED.add(p);
      return out;
    }, 1);
    assertEquals(List.of(0, 2, 1), new ArrayList<>(FINISHED), "the test needs task 1 last");
    assertEquals(0f, total(sum));
    assertEquals(3, sum.count());
  }
}
