package io.sparkmlp.spark.source;

import io.sparkmlp.data.DataChecks;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Blocks from matrices the driver already holds (read with Npy or Idx, or made in memory):
 * partition p gets the contiguous rows [p·N/P, (p+1)·N/P). Each row ships to the cluster once;
 * {@link TrainingBlocks#prepare} then caches the blocks and cuts the lineage, so later tasks
 * carry no data. For data larger than the driver's memory, read it on the executors instead.
 */
public final class MatrixSource {
  private MatrixSource() {}

  /** x (N, features) and y (N, targets) split into {@code partitions} contiguous blocks. */
  public static JavaRDD<Block> blocks(JavaSparkContext jsc, Matrix x, Matrix y, int partitions) {
    return blocks(jsc, x, y, null, partitions);
  }

  /**
   * As {@link #blocks(JavaSparkContext, Matrix, Matrix, int)} with one sample weight per row
   * in w (N values, checked by {@link TrainingBlocks#prepare}), or unweighted when w is null.
   */
  public static JavaRDD<Block> blocks(JavaSparkContext jsc, Matrix x, Matrix y, float[] w,
                                      int partitions) {
    DataChecks.requireSameRows(x, y);
    Checks.argument(w == null || w.length == x.rows(), "w has %s weights for %s rows; expected "
        + "one per row", w == null ? 0 : w.length, x.rows());
    int p = partitions > 0 ? partitions : jsc.defaultParallelism();
    Checks.positive(p, "partitions");
    List<Block> list = new ArrayList<>(p);
    for (int i = 0; i < p; i++) {
      int from = (int) ((long) i * x.rows() / p);
      int to = (int) ((long) (i + 1) * x.rows() / p);
      list.add(new Block(i, x.slice(from, to).values(), y.slice(from, to).values(),
          w == null ? null : Arrays.copyOfRange(w, from, to), to - from, x.cols(), y.cols()));
    }
    return jsc.parallelize(list, p);
  }
}
