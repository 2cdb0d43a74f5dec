package io.sparkmlp.spark.source;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.TrainingBlocks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.HashPartitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Turns one block per input partition into one block per target partition. When the counts
 * already agree, nothing moves. Otherwise input block i sends the rows
 * [j·n_i/P, (j+1)·n_i/P) of its n_i rows to target j, as dense pieces of at most 16 MiB, and
 * target j concatenates its pieces in input order. That balances every target to within one row per
 * input partition without a counting job, shuffles float arrays rather than rows, and is
 * deterministic: the same input partitioning gives the same rows in the same order in every
 * block, however the shuffle delivers the pieces (a row-level repartition does not promise
 * that order, and the trainer's permutations, hence the weights, depend on it).
 */
final class Rebalance {
  /** Pieces stay below this size, so no byte array nears its 2 GiB limit. */
  private static final int PIECE_BYTES = 16 << 20;
  private static final int HEADER_BYTES = 16;
  private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private Rebalance() {}

  /**
   * One block per partition of the result, block j with partition index j.
   *
   * @param perInput one block per partition, each with its partition index
   */
  static JavaRDD<Block> toPartitions(JavaRDD<Block> perInput, int partitions, int xCols,
                                     int yCols) {
    return toPartitions(perInput, partitions, xCols, yCols, false);
  }

  /**
   * As {@link #toPartitions(JavaRDD, int, int, int)}; when {@code weighted}, every input block
   * has weights and they travel with their rows.
   */
  static JavaRDD<Block> toPartitions(JavaRDD<Block> perInput, int partitions, int xCols,
                                     int yCols, boolean weighted) {
    if (perInput.getNumPartitions() == partitions) {
      return perInput;
    }
    return perInput.flatMapToPair(b -> {
      List<int[]> pieces = new ArrayList<>();  // (target, from, to)
      int rowFloats = b.xCols() + b.yCols() + (b.w() == null ? 0 : 1);
      int rowsPerPiece = Math.max(1, PIECE_BYTES / (Float.BYTES * rowFloats));
      for (int j = 0; j < partitions; j++) {
        int from = (int) ((long) j * b.rows() / partitions);
        int to = (int) ((long) (j + 1) * b.rows() / partitions);
        for (int at = from; at < to; at += rowsPerPiece) {
          pieces.add(new int[] {j, at, Math.min(to, at + rowsPerPiece)});
        }
      }
      // Encoded one at a time as the shuffle writes them, not all at once.
      return pieces.stream().map(q -> new Tuple2<>(q[0], encode(b, q[1], q[2]))).iterator();
    }).partitionBy(new HashPartitioner(partitions))  // Integer j in [0, P) lands in partition j
        .mapPartitionsWithIndex((j, it) -> {
          List<ByteBuffer> pieces = new ArrayList<>();
          it.forEachRemaining(t -> pieces.add(ByteBuffer.wrap(t._2()).order(ORDER)));
          // (source partition, first row): the input order, whatever order the shuffle kept
          pieces.sort(Comparator.<ByteBuffer>comparingInt(b -> b.getInt(0))
              .thenComparingInt(b -> b.getInt(4)));
          return List.of(concat(j, pieces, xCols, yCols, weighted)).iterator();
        }, true);
  }

  /**
   * Rows [from, to) of b as bytes: source partition, first row, rows, then x, y and (when b
   * has them) w as floats. Shuffling bytes in bulk is several times faster than
   * Java-serializing float arrays.
   */
  private static byte[] encode(Block b, int from, int to) {
    int rows = to - from;
    int wCols = b.w() == null ? 0 : 1;
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES
        + Float.BYTES * rows * (b.xCols() + b.yCols() + wCols)).order(ORDER);
    out.putInt(b.partition()).putInt(from).putInt(rows);
    out.position(HEADER_BYTES);
    out.asFloatBuffer().put(b.x(), from * b.xCols(), rows * b.xCols());
    out.position(HEADER_BYTES + Float.BYTES * rows * b.xCols());
    out.asFloatBuffer().put(b.y(), from * b.yCols(), rows * b.yCols());
    if (wCols == 1) {
      out.position(HEADER_BYTES + Float.BYTES * rows * (b.xCols() + b.yCols()));
      out.asFloatBuffer().put(b.w(), from, rows);
    }
    return out.array();
  }

  private static Block concat(int partition, List<ByteBuffer> pieces, int xCols, int yCols,
                              boolean weighted) {
    long rows = 0;
    for (ByteBuffer p : pieces) {
      rows += p.getInt(8);
    }
    if (rows * Math.max(xCols, yCols) > Matrix.MAX_VALUES) {
      throw new IllegalArgumentException(String.format("partition %s would hold %s rows of %s "
          + "values, more than one block can; use more partitions", partition, rows,
          Math.max(xCols, yCols)));
    }
    float[] x = new float[(int) rows * xCols];
    float[] y = new float[(int) rows * yCols];
    float[] w = weighted ? new float[(int) rows] : null;
    int at = 0;
    for (ByteBuffer p : pieces) {
      int n = p.getInt(8);
      p.position(HEADER_BYTES);
      p.asFloatBuffer().get(x, at * xCols, n * xCols);
      p.position(HEADER_BYTES + Float.BYTES * n * xCols);
      p.asFloatBuffer().get(y, at * yCols, n * yCols);
      if (weighted) {
        p.position(HEADER_BYTES + Float.BYTES * n * (xCols + yCols));
        p.asFloatBuffer().get(w, at, n);
      }
      at += n;
    }
    return new Block(partition, x, y, w, (int) rows, xCols, yCols);
  }

  /**
   * Empty blocks (width 1) on {@code partitions} partitions, for input without a single row:
   * {@link TrainingBlocks#prepare} then says the data is empty.
   */
  static JavaRDD<Block> empty(SparkContext sc, int partitions) {
    List<Integer> indices = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      indices.add(i);
    }
    return JavaSparkContext.fromSparkContext(sc).parallelize(indices, partitions)
        .map(i -> Block.empty(i, 1, 1));
  }
}
