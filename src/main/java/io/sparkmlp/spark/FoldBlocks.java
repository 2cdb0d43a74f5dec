package io.sparkmlp.spark;

import java.io.Serializable;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * The function of one {@link PartialSums} task: folds the partition's blocks into a fresh
 * {@link GradientSum} with the per-block task. A named class rather than a Scala or Java
 * lambda on purpose: Spark's ClosureCleaner returns at once for a class that is not a closure,
 * where for treeAggregate's own Scala lambdas it re-reads {@code RDD.class} with ASM on every
 * job.
 */
final class FoldBlocks extends AbstractFunction2<TaskContext, Iterator<Block>, GradientSum>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Function2<GradientSum, Block, GradientSum> task;

  FoldBlocks(Function2<GradientSum, Block, GradientSum> task) {
    this.task = task;
  }

  @Override
  public GradientSum apply(TaskContext context, Iterator<Block> blocks) {
    GradientSum sum = GradientSum.empty();  // created here: nothing large ships out
    try {
      while (blocks.hasNext()) {
        sum = task.call(sum, blocks.next());
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return sum;
  }
}
