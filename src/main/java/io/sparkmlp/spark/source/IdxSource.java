package io.sparkmlp.spark.source;

import io.sparkmlp.spark.Block;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Blocks from a pair of IDX files (the format of MNIST and Fashion-MNIST: images (N, 28, 28)
 * and labels (N,)), plain or gzip, that the executors read themselves: the driver reads only
 * the two headers and plans partition p's contiguous rows [p·N/P, (p+1)·N/P); each task opens
 * both files with Hadoop's FileSystem API and reads its own rows, decoded to float32 as
 * {@link io.sparkmlp.data.Idx#read} does. Concatenating the blocks by partition gives exactly
 * the rows of {@code Idx.read}, in order.
 *
 * <p>A plain file is read by seeking to the first row. A gzip stream cannot seek, so each task
 * decompresses from the start and discards the rows before its own: the last partition
 * decompresses the whole file, all P together about (P+1)/2 times it. For Fashion-MNIST's
 * 26 MB train-images-idx3-ubyte.gz one full decompression takes about 0.2 s on one core here,
 * which keeps this cheaper than reading on the driver and shipping 188 MB of floats to the
 * executors; for large gzip files (or hundreds of partitions), store them uncompressed.
 */
public final class IdxSource {
  private IdxSource() {}

  /**
   * The blocks of xPath (features) and yPath (targets), one per partition, values as stored
   * (pixels 0..255).
   *
   * @param numPartitions partitions (and blocks); 0 means {@code jsc.defaultParallelism()}
   * @throws IllegalArgumentException on the driver, before any job, when a file does not exist,
   *     is not a readable IDX file, or x and y hold different numbers of rows
   */
  public static JavaRDD<Block> blocks(JavaSparkContext jsc, String xPath, String yPath,
                                      int numPartitions) {
    return blocks(jsc, xPath, yPath, numPartitions, 1f);
  }

  /**
   * As {@link #blocks(JavaSparkContext, String, String, int)}, with every feature divided by
   * xDivisor, e.g. {@code Scaling.PIXEL_MAX} for pixels in [0, 1]; rounds exactly as
   * {@code Scaling.divide} does on the driver.
   */
  public static JavaRDD<Block> blocks(JavaSparkContext jsc, String xPath, String yPath,
                                      int numPartitions, float xDivisor) {
    return RangedFiles.blocks(jsc, RangedFiles.Format.IDX, xPath, yPath, numPartitions,
        xDivisor);
  }
}
