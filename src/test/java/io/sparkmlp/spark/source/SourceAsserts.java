package io.sparkmlp.spark.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.Block;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;

/** Shared checks of the source tests: block structure, contents, and error messages. */
public final class SourceAsserts {
  private SourceAsserts() {}

  /**
   * The ids of each partition's rows, in order, as {@code glom()} would give them; collected
   * as (partition, id) longs, since glom's lists on Spark 3.5 are Scala 2.12 wrappers that
   * Kryo with registration required refuses.
   */
  public static <T> List<List<Integer>> idsByPartition(JavaRDD<T> rdd, Function<T, Integer> id) {
    List<Long> pairs = rdd.mapPartitionsWithIndex((p, rows) -> {
      List<Long> out = new ArrayList<>();
      while (rows.hasNext()) {
        out.add(((long) p << 32) | (id.call(rows.next()) & 0xffffffffL));
      }
      return out.iterator();
    }, true).collect();
    List<List<Integer>> ids = new ArrayList<>();
    for (int p = 0; p < rdd.getNumPartitions(); p++) {
      ids.add(new ArrayList<>());
    }
    for (long pair : pairs) {
      ids.get((int) (pair >>> 32)).add((int) pair);
    }
    return ids;
  }

  /** The blocks collected in partition order, after checking one block per partition. */
  public static List<Block> collect(JavaRDD<Block> rdd, int partitions) {
    assertEquals(partitions, rdd.getNumPartitions(), "partitions");
    List<Block> blocks = rdd.collect();
    assertEquals(partitions, blocks.size(), "one block per partition");
    for (int p = 0; p < partitions; p++) {
      assertEquals(p, blocks.get(p).partition(), "block " + p + "'s partition index");
    }
    return blocks;
  }

  /** Checks the blocks, concatenated by partition, hold exactly x and y, bit for bit. */
  public static List<Block> assertBlocks(JavaRDD<Block> rdd, int partitions, Matrix x, Matrix y) {
    List<Block> blocks = collect(rdd, partitions);
    int rows = 0;
    for (Block b : blocks) {
      if (b.rows() > 0) {
        assertEquals(x.cols(), b.xCols(), "xCols of block " + b.partition());
        assertEquals(y.cols(), b.yCols(), "yCols of block " + b.partition());
      }
      rows += b.rows();
    }
    assertEquals(x.rows(), rows, "rows in all blocks");
    assertArrayEquals(x.values(), concat(blocks, true), "features");
    assertArrayEquals(y.values(), concat(blocks, false), "targets");
    return blocks;
  }

  /** Checks the blocks' row counts differ by at most slack. */
  public static void assertBalanced(List<Block> blocks, int slack) {
    int min = blocks.stream().mapToInt(Block::rows).min().orElse(0);
    int max = blocks.stream().mapToInt(Block::rows).max().orElse(0);
    assertTrue(max - min <= slack, "rows per block from " + min + " to " + max);
  }

  public static float[] concat(List<Block> blocks, boolean features) {
    int n = 0;
    for (Block b : blocks) {
      n += features ? b.x().length : b.y().length;
    }
    float[] out = new float[n];
    int at = 0;
    for (Block b : blocks) {
      float[] v = features ? b.x() : b.y();
      System.arraycopy(v, 0, out, at, v.length);
      at += v.length;
    }
    return out;
  }

  /** A one-layer classifier of inputDim features into classes classes. */
  public static Network classifier(int inputDim, int classes) {
    return new Sequential().add(new Dense(classes, "softmax").inputDim(inputDim))
        .compile("sparse_categorical_crossentropy", "adam").network();
  }

  /** The .npy fixture src/test/resources/npy/NAME.npy (see the data package's tests). */
  public static Path fixture(String name) {
    return Path.of(System.getProperty("sparkmlp.fixtures", "src/test/resources"), "npy",
        name + ".npy");
  }

  /**
   * The ids each target partition holds under {@link Rebalance}'s rule: for each input
   * partition i in order, its rows [j·n_i/P, (j+1)·n_i/P); all of input j when the counts agree.
   */
  public static List<List<Integer>> expectedIds(List<List<Integer>> inputs, int partitions) {
    List<List<Integer>> out = new ArrayList<>();
    for (int j = 0; j < partitions; j++) {
      List<Integer> ids = new ArrayList<>();
      if (inputs.size() == partitions) {
        ids.addAll(inputs.get(j));
      } else {
        for (List<Integer> in : inputs) {
          int n = in.size();
          ids.addAll(in.subList((int) ((long) j * n / partitions),
              (int) ((long) (j + 1) * n / partitions)));
        }
      }
      out.add(ids);
    }
    return out;
  }
}
