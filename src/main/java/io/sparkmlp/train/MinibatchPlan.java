package io.sparkmlp.train;

import io.sparkmlp.nn.Rows;
import io.sparkmlp.util.Checks;
import io.sparkmlp.util.Seeds;

/**
 * Which rows make up each minibatch, for local and distributed training alike.
 *
 * <p>An epoch has {@code ceil(N / B)} steps for N rows and global batch size B. The data sits
 * in partitions (one, locally); every partition shuffles its own rows with a permutation drawn
 * from (seed, epoch, partition) and cuts it into as many contiguous slices as there are steps,
 * slice s being {@code [floor(s·n/S), floor((s+1)·n/S))} of its n rows. Step s's minibatch is
 * the union of every partition's slice s: each partition contributes in proportion to its
 * rows, and the sizes add up to N over the epoch. Local training is the one-partition case, so
 * a distributed run can be replayed locally minibatch by minibatch.
 */
public final class MinibatchPlan {
  private MinibatchPlan() {}

  /** Steps per epoch: ceil(totalRows / batchSize). */
  public static int stepsPerEpoch(long totalRows, int batchSize) {
    Checks.argument(totalRows > 0, "there are no training rows");
    Checks.positive(batchSize, "batchSize");
    long steps = (totalRows + batchSize - 1) / batchSize;
    Checks.argument(steps <= Integer.MAX_VALUE, "%s rows at batch size %s is too many steps",
        totalRows, batchSize);
    return (int) steps;
  }

  /** The order in which partition {@code partition} visits its rows in epoch {@code epoch}. */
  public static int[] permutation(int rows, long seed, int epoch, int partition) {
    return Seeds.permutation(rows, Seeds.mix(seed, epoch, partition));
  }

  /** First position (in the permutation) of step s's slice of a partition with rows rows. */
  public static int sliceStart(int rows, int step, int steps) {
    return (int) ((long) step * rows / steps);
  }

  /**
   * Step s's slice of one holder's rows: positions [sliceStart(n, s), sliceStart(n, s + 1))
   * of {@code rows} (all n rows of the holder, in the epoch's order). The one place slice
   * bounds are cut, for local and distributed steps alike.
   */
  public static Rows slice(Rows rows, int step, int steps) {
    int n = rows.count();
    return rows.range(sliceStart(n, step, steps), sliceStart(n, step + 1, steps));
  }

  /** The largest slice any step takes from a partition of the given rows: ceil(rows/steps). */
  public static int maxSlice(int rows, int steps) {
    return (int) (((long) rows + steps - 1) / steps);
  }
}
