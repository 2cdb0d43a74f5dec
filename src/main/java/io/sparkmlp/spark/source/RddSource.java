package io.sparkmlp.spark.source;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.TaskErrors;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.util.Checks;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.LabeledPoint;

/**
 * Blocks from an RDD of examples: each input partition's rows are copied into one dense block
 * (features x (rows, d), labels y (rows, k)), then the blocks are rebalanced onto
 * {@code numPartitions} partitions, deterministically and without a row-level shuffle (see
 * {@link Rebalance}). When the RDD already has that many partitions nothing moves: the rows
 * keep their order and place, and the blocks are as balanced as the input partitions are.
 *
 * <p>The widths d and k are those of the RDD's first element (a small job); every element must
 * have them. A null element, null arrays or a different width fail the conversion with an
 * IllegalArgumentException naming the element's index within its input partition; it happens
 * in a task of the first job over the blocks ({@link TrainingBlocks#prepare}), so it reaches
 * the driver inside Spark's job failure ({@link TaskErrors} digs it out).
 */
public final class RddSource {
  private RddSource() {}

  /**
   * One block per partition of the result.
   *
   * @param numPartitions partitions (and blocks); 0 means {@code defaultParallelism()}
   */
  public static JavaRDD<Block> blocks(JavaRDD<LabeledSample> rdd, int numPartitions) {
    int p = partitions(rdd, numPartitions);
    List<LabeledSample> first = rdd.take(1);
    if (first.isEmpty()) {
      return Rebalance.empty(rdd.context(), p);
    }
    LabeledSample s0 = first.get(0);
    Checks.argument(s0 != null && s0.features() != null && s0.label() != null,
        "the RDD's first element is null or has null features or label");
    int xCols = s0.features().length;
    int yCols = s0.label().length;
    Checks.argument(xCols > 0 && yCols > 0, "the RDD's first element has %s features and %s "
        + "label values; both must be at least 1", xCols, yCols);
    JavaRDD<Block> perInput = rdd.mapPartitionsWithIndex((index, it) -> {
      BlockBuilder b = new BlockBuilder(index, xCols, yCols);
      while (it.hasNext()) {
        LabeledSample s = it.next();
        int r = b.rows();
        Checks.argument(s != null && s.features() != null && s.label() != null,
            "RDD element %s of input partition %s is null or has null features or label", r,
            index);
        check(s.features().length, xCols, "features", r, index);
        check(s.label().length, yCols, "label values", r, index);
        b.addRow();
        System.arraycopy(s.features(), 0, b.x(), r * xCols, xCols);
        System.arraycopy(s.label(), 0, b.y(), r * yCols, yCols);
      }
      return List.of(b.build()).iterator();
    }, true);
    return Rebalance.toPartitions(perInput, p, xCols, yCols);
  }

  /**
   * One block per partition from Spark ML's {@link LabeledPoint}s: features dense or sparse
   * (densified), the label as one value (a class index or target).
   */
  public static JavaRDD<Block> fromLabeledPoints(JavaRDD<LabeledPoint> rdd, int numPartitions) {
    int p = partitions(rdd, numPartitions);
    List<LabeledPoint> first = rdd.take(1);
    if (first.isEmpty()) {
      return Rebalance.empty(rdd.context(), p);
    }
    Checks.argument(first.get(0) != null && first.get(0).features() != null,
        "the RDD's first LabeledPoint is null or has null features");
    int xCols = first.get(0).features().size();
    Checks.argument(xCols > 0, "the RDD's first LabeledPoint has 0 features");
    JavaRDD<Block> perInput = rdd.mapPartitionsWithIndex((index, it) -> {
      BlockBuilder b = new BlockBuilder(index, xCols, 1);
      while (it.hasNext()) {
        LabeledPoint lp = it.next();
        int r = b.rows();
        Checks.argument(lp != null && lp.features() != null,
            "LabeledPoint %s of input partition %s is null or has null features", r, index);
        check(lp.features().size(), xCols, "features", r, index);
        b.addRow();
        VectorRows.copy(lp.features(), b.x(), r * xCols);
        b.y()[r] = (float) lp.label();
      }
      return List.of(b.build()).iterator();
    }, true);
    return Rebalance.toPartitions(perInput, p, xCols, 1);
  }

  private static void check(int width, int expected, String what, int row, int partition) {
    Checks.argument(width == expected, "RDD element %s of input partition %s has %s %s, "
        + "expected %s (as the first element)", row, partition, width, what, expected);
  }

  private static int partitions(JavaRDD<?> rdd, int numPartitions) {
    Checks.argument(numPartitions >= 0, "numPartitions must be >= 0 (0: the default "
        + "parallelism), got %s", numPartitions);
    return numPartitions > 0 ? numPartitions : rdd.context().defaultParallelism();
  }
}
