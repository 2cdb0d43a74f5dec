package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The total weight, the divisor of a weighted step, is the same double in every merge order
 * (a plain double sum of these is not), and equals the row count for unweighted partitions.
 */
class GradientSumWeightTest {
  /** Partition weight sums of very different magnitudes, whose double sums round. */
  private static final double[] WEIGHTS = {0.1, 1e8 + 0.3, 1e-3, 7.7, 3e-9, 12345.678};

  private static GradientSum partition(double weight) {
    return GradientSum.empty().add(new float[] {1f}, new double[] {weight}, 4, weight);
  }

  @Test
  void everyMergeOrderGivesTheSameWeight() {
    SplittableRandom rng = new SplittableRandom(5);
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
    double reference = fold(order);
    for (int trial = 0; trial < 200; trial++) {
      Collections.shuffle(order, new java.util.Random(rng.nextLong()));
      assertEquals(reference, fold(order), 0.0, "order " + order);
      GradientSum tree = GradientSum.merge(
          GradientSum.merge(partition(WEIGHTS[order.get(0)]), partition(WEIGHTS[order.get(1)])),
          GradientSum.merge(partition(WEIGHTS[order.get(2)]),
              GradientSum.merge(GradientSum.merge(partition(WEIGHTS[order.get(3)]),
                  partition(WEIGHTS[order.get(4)])), partition(WEIGHTS[order.get(5)]))));
      assertEquals(reference, tree.weight(), 0.0, "tree " + order);
      assertEquals(24, tree.count());
    }
  }

  @Test
  void unweightedPartitionsWeighTheirRowCount() {
    GradientSum sum = GradientSum.merge(
        GradientSum.empty().add(new float[] {1f}, new double[] {0}, 7),
        GradientSum.empty().addSums(new double[] {0}, 5));
    assertEquals(12.0, sum.weight(), 0.0);
    assertEquals(12, sum.count());
  }

  private static double fold(List<Integer> order) {
    GradientSum fold = GradientSum.empty();
    for (int i : order) {
      fold = GradientSum.merge(fold, partition(WEIGHTS[i]));
    }
    return fold.weight();
  }
}
