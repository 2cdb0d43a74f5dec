package io.sparkmlp.spark.source;

import io.sparkmlp.spark.Block;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Blocks from a pair of NumPy {@code .npy} files (features x of shape (N, d1, ...) and targets
 * y of shape (N,) or (N, k)) that the executors read themselves, so a file of any size never
 * passes through the driver. The driver reads only the two headers (dtype, order, shape), checks
 * them, and plans partition p's contiguous rows [p·N/P, (p+1)·N/P); each task then opens both
 * files with Hadoop's FileSystem API (local paths, {@code file:}, {@code hdfs:}, ... : every
 * executor must be able to reach the path), seeks to its first row and decodes its rows to
 * float32 as {@link io.sparkmlp.data.Npy#read} does. Concatenating the blocks by partition gives
 * exactly the rows of {@code Npy.read}, in order.
 *
 * <p>C-order and Fortran-order arrays both read by row range: in Fortran order each column is
 * contiguous, so a partition reads one run per column (NumPy writes Fortran order for
 * transposed arrays and many {@code DataFrame.to_numpy()} results).
 */
public final class NpySource {
  private NpySource() {}

  /**
   * The blocks of xPath (features) and yPath (targets), one per partition.
   *
   * @param numPartitions partitions (and blocks); 0 means {@code jsc.defaultParallelism()}
   * @throws IllegalArgumentException on the driver, before any job, when a file does not exist,
   *     is not a readable .npy file, or x and y hold different numbers of rows
   */
  public static JavaRDD<Block> blocks(JavaSparkContext jsc, String xPath, String yPath,
                                      int numPartitions) {
    return RangedFiles.blocks(jsc, RangedFiles.Format.NPY, xPath, yPath, numPartitions, 1f);
  }
}
