package io.sparkmlp.spark.source;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.TaskErrors;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.util.Checks;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Blocks from a DataFrame's features and label columns, and optionally a weight column: each
 * input partition's rows (Spark's public {@link Row}) are read into one dense block
 * (features x (rows, d), labels y (rows, k), weights w (rows)), then the blocks are rebalanced
 * onto {@code numPartitions} partitions, deterministically and without a row-level shuffle (see
 * {@link Rebalance}). When the DataFrame already has that many partitions nothing moves: the
 * rows keep their order and place, and the blocks are as balanced as the input partitions are.
 * Rebalancing costs one shuffle of the dense blocks: for Fashion-MNIST (60000 x 784) about 3 s
 * in local[2] on this (busy) machine, on top of about 1-2 s of conversion; a row-level
 * {@code df.repartition} took twice as long. Reading Rows rather than Catalyst's internal rows
 * (which are not public API) cost, for 100,000 rows of 100 values in local[2] on a busy
 * machine, about the same for a Vector column and up to twice as long for an array column,
 * whose Row holds boxed numbers: some 0.5-1.5 s more per 10 million values, once per fit.
 *
 * <p>Features: a Vector column ({@code org.apache.spark.ml.linalg}, dense or sparse, densified)
 * or array&lt;float&gt; / array&lt;double&gt;; d is its width. Label: any numeric type (a class
 * index or a regression target: k = 1), or a Vector or array (one-hot or several targets: k is
 * its width). Weight (optional, Spark ML's weightCol): any numeric type, read as float, finite
 * and >= 0. The schema is checked before any job runs; d and k come from the DataFrame's first
 * row (a LIMIT 1 job), and every row must match them. Null values, rows of another width and
 * bad weights fail the conversion with an IllegalArgumentException naming the column and the
 * row's index within its input partition; that happens in a task of the first job over the
 * blocks ({@link TrainingBlocks#prepare}), so it reaches the driver inside Spark's job failure
 * ({@link TaskErrors} digs it out).
 */
public final class DataFrameSource {
  private DataFrameSource() {}

  /**
   * One block per partition of the result.
   *
   * @param numPartitions partitions (and blocks); 0 means the cluster's default parallelism
   * @throws IllegalArgumentException before any job when a column is missing or of a type
   *     that cannot be read, or when the first row holds a null
   */
  public static JavaRDD<Block> blocks(Dataset<Row> df, String featuresCol, String labelCol,
                                      int numPartitions) {
    return blocks(df, featuresCol, labelCol, null, numPartitions);
  }

  /**
   * One block per partition of the result, with per-row weights from {@code weightCol}
   * (unweighted blocks when it is null).
   *
   * @param numPartitions partitions (and blocks); 0 means the cluster's default parallelism
   * @throws IllegalArgumentException before any job when a column is missing or of a type
   *     that cannot be read, or when the first row holds a null
   */
  public static JavaRDD<Block> blocks(Dataset<Row> df, String featuresCol, String labelCol,
                                      String weightCol, int numPartitions) {
    Checks.argument(numPartitions >= 0, "numPartitions must be >= 0 (0: the default "
        + "parallelism), got %s", numPartitions);
    FrameColumn features = FrameColumn.of(df.schema(), featuresCol, "features", false);
    FrameColumn label = FrameColumn.of(df.schema(), labelCol, "label", true);
    FrameColumn weight = weightCol == null ? null : FrameColumn.weight(df.schema(), weightCol);
    Dataset<Row> selected = weight == null
        ? df.select(column(df, featuresCol), column(df, labelCol))
        : df.select(column(df, featuresCol), column(df, labelCol), column(df, weightCol));
    SparkContext sc = selected.sparkSession().sparkContext();
    int p = numPartitions > 0 ? numPartitions : sc.defaultParallelism();
    List<Row> first = selected.limit(1).collectAsList();
    if (first.isEmpty()) {
      return Rebalance.empty(sc, p);
    }
    int xCols = features.width(first.get(0), 0);
    int yCols = label.width(first.get(0), 1);
    // The rows as Spark's public Row: Dataset.javaRDD deserializes each of Spark's internal
    // rows once (a Vector column into its Vector, an array column into a Seq of boxed numbers)
    // on the way into the block.
    JavaRDD<Block> perInput = selected.javaRDD().mapPartitionsWithIndex((index, it) -> {
      BlockBuilder b = new BlockBuilder(index, xCols, yCols, weight != null);
      while (it.hasNext()) {
        Row row = it.next();
        int r = b.rows();
        b.addRow();
        features.copy(row, 0, b.x(), r * xCols, xCols, r, index);
        label.copy(row, 1, b.y(), r * yCols, yCols, r, index);
        if (weight != null) {
          weight.copyWeight(row, 2, b.w(), r, r, index);
        }
      }
      return List.of(b.build()).iterator();
    }, true);
    return Rebalance.toPartitions(perInput, p, xCols, yCols, weight != null);
  }

  /** The column called name exactly, even when it holds dots or backticks. */
  private static Column column(Dataset<Row> df, String name) {
    return df.col("`" + name.replace("`", "``") + "`");
  }
}
