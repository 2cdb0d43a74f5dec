package io.sparkmlp.spark;

import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * The driver's half of a {@link PartialSums} job: receives each partition's result as its task
 * finishes (Spark calls it from one scheduler thread, once per partition) and merges the
 * results in partition order, 0, 1, 2, ..., keeping only those that arrive ahead of their turn.
 * The total is therefore the same, bit for bit, whatever order the tasks finish in.
 */
final class InOrderMerge extends AbstractFunction2<Object, GradientSum, BoxedUnit> {
  private final GradientSum[] early;
  private GradientSum total = GradientSum.empty();
  private int next;

  InOrderMerge(int partitions) {
    this.early = new GradientSum[partitions];
  }

  @Override
  public BoxedUnit apply(Object partition, GradientSum result) {
    early[(Integer) partition] = result;
    while (next < early.length && early[next] != null) {
      total = GradientSum.merge(total, early[next]);
      early[next++] = null;
    }
    return BoxedUnit.UNIT;
  }

  /** The sum of every partition's result; fails if a partition has not reported. */
  GradientSum total() {
    if (next != early.length) {
      throw new IllegalStateException("partition " + next + " of " + early.length
          + " has not reported its sum");
    }
    return total;
  }
}
