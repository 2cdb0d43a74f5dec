package io.sparkmlp.train;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan every trainer follows: ceil(N/B) steps, every row exactly once per epoch, each
 * partition's slices within one row of its share, permutations fixed by (seed, epoch,
 * partition). Sizes are odd on purpose: one row, primes, N below, at and above B, more
 * partitions than rows.
 *
 * <p>What the plan does not promise: that a step holds exactly B rows. A partition of n rows
 * gives step s {@code floor((s+1)·n/S) − floor(s·n/S)} rows, so the steps of one partition are
 * balanced (10 rows at B = 4 are 3, 3, 4, not 4, 4, 2) and a step's global batch is within P
 * rows of N/S: at most B on one partition, and possibly more than B, or empty, on several.
 */
class MinibatchPlanTest {
  private static final long SEED = 0x5EEDL;

  @ParameterizedTest
  @CsvSource({"1, 1, 1", "1, 32, 1", "2, 1, 2", "31, 32, 1", "32, 32, 1", "33, 32, 2",
      "64, 32, 2", "97, 10, 10", "1000, 1, 1000", "1001, 1000, 2", "60000, 128, 469"})
  void stepsPerEpochIsTheCeilingOfRowsOverBatch(long rows, int batch, int steps) {
    assertEquals(steps, MinibatchPlan.stepsPerEpoch(rows, batch));
    assertEquals(steps, (int) Math.ceil((double) rows / batch), "the table itself");
  }

  @Test
  void stepsPerEpochRefusesNoRowsAndBadBatches() {
    assertFails(() -> MinibatchPlan.stepsPerEpoch(0, 32), "there are no training rows");
    assertFails(() -> MinibatchPlan.stepsPerEpoch(10, 0), "batchSize must be >= 1, got 0");
    assertFails(() -> MinibatchPlan.stepsPerEpoch(3L * Integer.MAX_VALUE, 1),
        "6442450941 rows at batch size 1 is too many steps");
  }

  /**
   * N rows in P contiguous partitions (as MatrixSource cuts them), two epochs: every row is in
   * exactly one step's minibatch per epoch, partition slices tile the partition's permutation,
   * and each slice is within one row of the partition's share n/S.
   */
  @ParameterizedTest
  @CsvSource({"1, 1, 1", "1, 32, 1", "1, 32, 3", "13, 32, 1", "32, 32, 1", "32, 32, 3",
      "33, 32, 1", "97, 10, 1", "97, 10, 3", "101, 7, 5", "5, 2, 7", "3, 1, 8", "257, 64, 4",
      "500, 64, 7"})
  void everyRowOncePerEpochInSlicesOfItsShare(int rows, int batch, int partitions) {
    int[] sizes = new int[partitions];
    for (int p = 0; p < partitions; p++) {
      sizes[p] = (int) ((long) (p + 1) * rows / partitions) - (int) ((long) p * rows / partitions);
    }
    checkEpochs(sizes, batch);
  }

  /** Uneven partitions (a rebalanced or user-partitioned RDD): the shares still hold. */
  @Test
  void unevenPartitionsContributeInProportionToTheirRows() {
    checkEpochs(new int[] {1, 50, 7, 0, 23, 2}, 16);
    checkEpochs(new int[] {0, 0, 11}, 4);
    checkEpochs(new int[] {997, 3}, 100);
    // 83 rows at B = 16 are 6 steps; the big partition gives ~11 a step, the small ones 0-1.
    int[] sizes = {66, 5, 12};
    int steps = MinibatchPlan.stepsPerEpoch(83, 16);
    assertEquals(6, steps);
    assertArrayEquals(new int[] {11, 11, 11, 11, 11, 11}, sliceSizes(66, steps));
    assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1}, sliceSizes(5, steps));
    assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2}, sliceSizes(12, steps));
    int[] global = new int[steps];
    for (int size : sizes) {
      int[] s = sliceSizes(size, steps);
      for (int i = 0; i < steps; i++) {
        global[i] += s[i];
      }
    }
    assertArrayEquals(new int[] {13, 14, 14, 14, 14, 14}, global);
  }

  /** One partition: balanced steps of floor or ceil of N/S rows, never more than B. */
  @Test
  void onePartitionBalancesItsStepsAndNeverExceedsTheBatch() {
    assertArrayEquals(new int[] {3, 3, 4}, sliceSizes(10, MinibatchPlan.stepsPerEpoch(10, 4)));
    assertArrayEquals(new int[] {32}, sliceSizes(32, MinibatchPlan.stepsPerEpoch(32, 32)));
    assertArrayEquals(new int[] {16, 17}, sliceSizes(33, MinibatchPlan.stepsPerEpoch(33, 32)));
    assertArrayEquals(new int[] {13}, sliceSizes(13, MinibatchPlan.stepsPerEpoch(13, 32)));
    for (int rows : new int[] {1, 2, 7, 31, 97, 101, 1000}) {
      for (int batch : new int[] {1, 2, 3, 7, 32, 100}) {
        int steps = MinibatchPlan.stepsPerEpoch(rows, batch);
        for (int size : sliceSizes(rows, steps)) {
          assertTrue(size <= batch && size >= rows / steps,
              rows + " rows at batch " + batch + ": a step of " + size);
        }
      }
    }
  }

  /**
   * More partitions than rows per step: one-row partitions put their row in the last step, so
   * 5 rows in 7 partitions at B = 2 are steps of 0, 0 and 5 rows. The plan allows this; the
   * trainers then take optimizer steps on empty minibatches.
   */
  @Test
  void tinyPartitionsPutTheirRowsInTheLastSteps() {
    int steps = MinibatchPlan.stepsPerEpoch(5, 2);
    assertEquals(3, steps);
    assertArrayEquals(new int[] {0, 0, 1}, sliceSizes(1, steps));
    assertArrayEquals(new int[] {0, 0, 0}, sliceSizes(0, steps));
  }

  @Test
  void maxSliceIsTheLargestSliceAnyStepTakes() {
    for (int rows : new int[] {0, 1, 2, 5, 13, 97, 128, 1000}) {
      for (int steps : new int[] {1, 2, 3, 7, 13, 100, 469}) {
        int largest = Arrays.stream(sliceSizes(rows, steps)).max().orElseThrow();
        assertEquals(largest, MinibatchPlan.maxSlice(rows, steps), rows + " rows, " + steps
            + " steps");
      }
    }
  }

  @Test
  void permutationIsFixedBySeedEpochAndPartition() {
    int[] a = MinibatchPlan.permutation(97, SEED, 3, 2);
    assertArrayEquals(a, MinibatchPlan.permutation(97, SEED, 3, 2), "same coordinates");
    assertPermutation(a);
    assertFalse(Arrays.equals(a, MinibatchPlan.permutation(97, SEED, 4, 2)), "next epoch");
    assertFalse(Arrays.equals(a, MinibatchPlan.permutation(97, SEED, 3, 1)), "other partition");
    assertFalse(Arrays.equals(a, MinibatchPlan.permutation(97, SEED + 1, 3, 2)), "other seed");
    assertFalse(Arrays.equals(a, identity(97)), "shuffled");
    // Epochs 0..19 of one partition: 20 different orders.
    assertEquals(20, java.util.stream.IntStream.range(0, 20)
        .mapToObj(e -> Arrays.toString(MinibatchPlan.permutation(31, SEED, e, 0)))
        .distinct().count());
    assertArrayEquals(new int[] {0}, MinibatchPlan.permutation(1, SEED, 0, 0));
    assertArrayEquals(new int[0], MinibatchPlan.permutation(0, SEED, 0, 0));
  }

  /** Runs two epochs of the plan over partitions of the given sizes. */
  private static void checkEpochs(int[] sizes, int batch) {
    int total = Arrays.stream(sizes).sum();
    int steps = MinibatchPlan.stepsPerEpoch(total, batch);
    assertEquals((total + batch - 1) / batch, steps);
    int[] offset = new int[sizes.length];
    for (int p = 1; p < sizes.length; p++) {
      offset[p] = offset[p - 1] + sizes[p - 1];
    }
    int[][] previous = null;
    for (int epoch = 0; epoch < 2; epoch++) {
      int[] seen = new int[total];
      int[][] orders = new int[sizes.length][];
      for (int p = 0; p < sizes.length; p++) {
        int n = sizes[p];
        orders[p] = MinibatchPlan.permutation(n, SEED, epoch, p);
        assertPermutation(orders[p]);
        assertEquals(0, MinibatchPlan.sliceStart(n, 0, steps), "first slice starts at 0");
        assertEquals(n, MinibatchPlan.sliceStart(n, steps, steps), "last slice ends at n");
        for (int s = 0; s < steps; s++) {
          int from = MinibatchPlan.sliceStart(n, s, steps);
          int to = MinibatchPlan.sliceStart(n, s + 1, steps);
          double share = (double) n / steps;
          assertTrue(to - from > share - 1 && to - from < share + 1, "partition " + p
              + " of " + n + " rows, step " + s + ": " + (to - from) + " rows, share " + share);
          assertTrue(to - from <= MinibatchPlan.maxSlice(n, steps));
          for (int i = from; i < to; i++) {
            seen[offset[p] + orders[p][i]]++;
          }
        }
      }
      for (int r = 0; r < total; r++) {
        assertEquals(1, seen[r], "row " + r + " in epoch " + epoch + " of " + Arrays.toString(
            sizes) + " at batch " + batch);
      }
      if (previous != null) {
        for (int p = 0; p < sizes.length; p++) {
          if (sizes[p] >= 6) {   // 720 orders at least: a repeat would be a bug, not chance
            assertFalse(Arrays.equals(previous[p], orders[p]), "partition " + p
                + " reshuffles between epochs");
          }
        }
      }
      previous = orders;
    }
  }

  /** Rows of each step's slice, over an epoch, of a partition of n rows. */
  private static int[] sliceSizes(int n, int steps) {
    int[] sizes = new int[steps];
    for (int s = 0; s < steps; s++) {
      sizes[s] = MinibatchPlan.sliceStart(n, s + 1, steps) - MinibatchPlan.sliceStart(n, s, steps);
    }
    assertEquals(n, Arrays.stream(sizes).sum(), "slices of " + n + " rows");
    return sizes;
  }

  private static void assertPermutation(int[] order) {
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertArrayEquals(identity(order.length), sorted, "a permutation of 0.." + order.length);
  }

  private static int[] identity(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }
}
