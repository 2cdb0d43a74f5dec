package io.sparkmlp.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.rdd.RDD;
import scala.Option;
import scala.collection.immutable.List;
import scala.collection.immutable.List$;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * One Spark job that sums a per-block function over every block: the way every training and
 * evaluation job of sparkmlp collects its partial sums.
 *
 * <p>At depth 1 each task folds its blocks, in partition order, into a {@link GradientSum}
 * ({@link FoldBlocks}) and the driver merges the task results in task order as they arrive
 * ({@link InOrderMerge}), through {@code SparkContext.runJob} with our own function classes:
 * no closure for Spark's ClosureCleaner to analyse, no shuffle, and a total that does not depend
 * on the order tasks finish in. A task covers one partition, or, where there are more
 * partitions than task slots ({@code defaultParallelism}), a range of partitions cached on one
 * executor ({@link SlotGroups}): the number of tasks and of gradient-sized results then stays
 * at the number of slots. At depth 2 or more (asked for explicitly) it is Spark's
 * {@code treeAggregate}, whose merge order varies, which {@link GradientSum} tolerates.
 *
 * <p>At depth 1 the driver receives one result per task: up to spark.driver.maxResultSize
 * (1 GiB by default) in all.
 */
public final class PartialSums {
  private static final ClassTag<GradientSum> RESULT = ClassTag$.MODULE$.apply(GradientSum.class);

  private PartialSums() {}

  /**
   * The merged sum of task over every block of blocks.
   *
   * @param task adds one block's sums to the task's running sum (it may return a new object)
   * @param depth 1: task results merged on the driver in partition order; more: treeAggregate
   */
  public static GradientSum sum(JavaRDD<Block> blocks,
                                Function2<GradientSum, Block, GradientSum> task, int depth) {
    if (depth > 1) {
      return blocks.treeAggregate(GradientSum.empty(), task, GradientSum::merge, depth);
    }
    RDD<Block> rdd = blocks.rdd();
    SparkContext sc = rdd.sparkContext();
    int slots = sc.defaultParallelism();
    if (rdd.getNumPartitions() > slots) {
      // RDD.coalesce without a shuffle is a CoalescedRDD grouped by our coalescer; its last
      // argument, the implicit Ordering, is read only when shuffling, and its default is null.
      rdd = rdd.coalesce(slots, false, Option.apply(new SlotGroups()), null);
    }
    int tasks = rdd.getNumPartitions();
    InOrderMerge merge = new InOrderMerge(tasks);
    sc.runJob(rdd, new FoldBlocks(task), allOf(tasks), merge, RESULT);
    return merge.total();
  }

  /**
   * Partitions 0 .. n-1 as the Scala sequence runJob takes: an immutable List, which is the
   * Seq of Scala 2.13 and of 2.12 alike, built with {@code ::} as both can.
   */
  private static List<Object> allOf(int n) {
    List<Object> indices = List$.MODULE$.empty();
    for (int i = n - 1; i >= 0; i--) {
      indices = indices.$colon$colon(i);
    }
    return indices;
  }
}
