package io.sparkmlp.spark.source;

import io.sparkmlp.spark.Block;
import io.sparkmlp.util.Checks;
import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;

/**
 * Keras's validation_split on partitioned data: the last {@code fraction} of every partition's
 * rows is held out for validation (Keras holds out the last fraction of the whole array; here
 * each partition does so, which keeps both parts spread over the cluster without a shuffle).
 */
public final class BlockSplit {
  private BlockSplit() {}

  /** Training part and validation part, one block per partition each. */
  public record Parts(JavaRDD<Block> train, JavaRDD<Block> validation) {}

  public static Parts tail(JavaRDD<Block> blocks, double fraction) {
    Checks.argument(fraction > 0 && fraction < 1, "validationSplit must be in (0, 1), got %s",
        fraction);
    JavaRDD<Block> train = blocks.map(b -> rows(b, 0, cut(b, fraction)));
    JavaRDD<Block> validation = blocks.map(b -> rows(b, cut(b, fraction), b.rows()));
    return new Parts(train, validation);
  }

  /** Rows of b kept for training. */
  static int cut(Block b, double fraction) {
    return trainRows(b.rows(), fraction);
  }

  /**
   * Rows of a partition of {@code rows} kept for training: floor(rows · (1 − fraction)), as
   * Keras computes the split.
   */
  public static int trainRows(int rows, double fraction) {
    return (int) (rows * (1 - fraction));
  }

  /** Rows [from, to) of b, their weights with them. */
  private static Block rows(Block b, int from, int to) {
    float[] x = Arrays.copyOfRange(b.x(), from * b.xCols(), to * b.xCols());
    float[] y = Arrays.copyOfRange(b.y(), from * b.yCols(), to * b.yCols());
    float[] w = b.w() == null ? null : Arrays.copyOfRange(b.w(), from, to);
    return new Block(b.partition(), x, y, w, to - from, b.xCols(), b.yCols());
  }
}
