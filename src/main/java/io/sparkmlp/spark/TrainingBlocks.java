package io.sparkmlp.spark;

import io.sparkmlp.data.DataChecks;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Targets;
import io.sparkmlp.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Training (or validation) data on the cluster: one {@link Block} per partition, persisted
 * MEMORY_AND_DISK with its lineage cut, so later tasks carry no data and rows are never
 * re-read; counted and validated once against the network, with errors that name the first
 * bad row of the whole data set.
 */
public final class TrainingBlocks {
  private final JavaRDD<Block> blocks;
  private final int[] rowsPerPartition;
  private final long rows;
  private final String name;

  private TrainingBlocks(JavaRDD<Block> blocks, int[] rowsPerPartition, String name) {
    this.blocks = blocks;
    this.rowsPerPartition = rowsPerPartition;
    this.rows = Arrays.stream(rowsPerPartition).asLongStream().sum();
    this.name = name;
  }

  /**
   * Persists and checkpoints the blocks locally, counts them per partition, and checks every
   * row against the network: feature width, finite values, targets that fit the loss.
   *
   * @param name how errors name this data ("training data", "x_train.npy", ...)
   */
  public static TrainingBlocks prepare(JavaRDD<Block> raw, Network net, String name) {
    JavaRDD<Block> blocks = raw.persist(StorageLevel.MEMORY_AND_DISK());
    blocks.rdd().localCheckpoint();
    blocks.context().setJobDescription("count " + name);
    List<int[]> shapes = TaskErrors.rethrowBadInput(() -> blocks.map(b -> new int[] {
        b.partition(), b.rows(), b.xCols(), b.yCols()}).collect());
    int[] rowsPerPartition = new int[blocks.getNumPartitions()];
    for (int[] s : shapes) {
      Checks.argument(rowsPerPartition[s[0]] == 0, "%s: partition %s holds more than one block",
          name, s[0]);
      rowsPerPartition[s[0]] = s[1];
      if (s[1] > 0) {
        Checks.argument(s[2] == net.inputDim(), "%s has %s features per row but the model's "
            + "inputDim is %s", name, s[2], net.inputDim());
      }
    }
    TrainingBlocks tb = new TrainingBlocks(blocks, rowsPerPartition, name);
    Checks.argument(tb.rows > 0, "%s is empty: it has no rows to train on", name);
    tb.validate(net);
    return tb;
  }

  private void validate(Network net) {
    long[] offsets = new long[rowsPerPartition.length];
    for (int p = 1; p < offsets.length; p++) {
      offsets[p] = offsets[p - 1] + rowsPerPartition[p - 1];
    }
    String what = name;
    blocks.context().setJobDescription("validate " + name);
    List<String> errors = blocks.map(b -> {
      if (b.rows() == 0) {
        return "";
      }
      try {
        DataChecks.requireFinite(new Matrix(b.x(), b.rows(), b.xCols()), what + " features",
            offsets[b.partition()]);
        Targets.check(net.loss(), net.outputDim(), b.y(), 0, b.rows(), b.yCols(),
            what + " labels", offsets[b.partition()]);
        return "";
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }).collect();
    List<String> bad = new ArrayList<>();
    for (String e : errors) {
      if (!e.isEmpty()) {
        bad.add(e);
      }
    }
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(bad.get(0));  // partitions come back in order
    }
  }

  public JavaRDD<Block> blocks() {
    return blocks;
  }

  /** Rows held by each partition, by partition index. */
  public int[] rowsPerPartition() {
    return rowsPerPartition.clone();
  }

  public long rows() {
    return rows;
  }

  public int numPartitions() {
    return rowsPerPartition.length;
  }

  /** The largest number of rows any partition holds. */
  public int maxPartitionRows() {
    return Arrays.stream(rowsPerPartition).max().orElse(0);
  }

  /** Frees the cached blocks. */
  public void release() {
    blocks.unpersist(false);
  }
}
