package io.sparkmlp.spark;

import io.sparkmlp.data.DataChecks;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.nn.Targets;
import io.sparkmlp.train.ClassWeights;
import io.sparkmlp.util.Checks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Training (or validation) data on the cluster: one {@link Block} per partition, persisted
 * MEMORY_AND_DISK with its lineage cut, so later tasks carry no data and rows are never
 * re-read; counted and validated once against the network, with errors that name the first
 * bad row of the whole data set. Weighted data (blocks with per-row weights) also has its total
 * weight counted, the divisor of an epoch's weighted means.
 */
public final class TrainingBlocks {
  private final JavaRDD<Block> blocks;
  private final int[] rowsPerPartition;
  private final long rows;
  private final boolean weighted;
  private final double weightSum;
  private final String name;

  private TrainingBlocks(JavaRDD<Block> blocks, int[] rowsPerPartition, boolean weighted,
                         double weightSum, String name) {
    this.blocks = blocks;
    this.rowsPerPartition = rowsPerPartition;
    this.rows = Arrays.stream(rowsPerPartition).asLongStream().sum();
    this.weighted = weighted;
    this.weightSum = weighted ? weightSum : rows;
    this.name = name;
  }

  /** What the counting job learns of one block. */
  private record Shape(int partition, int rows, int xCols, int yCols, boolean weighted,
                       double weightSum) implements Serializable {}

  /**
   * Persists and checkpoints the blocks locally, counts them per partition, and checks every
   * row against the network: feature width, finite values, targets that fit the loss, weights
   * finite and >= 0 with a positive total.
   *
   * @param name how errors name this data ("training data", "x_train.npy", ...)
   */
  public static TrainingBlocks prepare(JavaRDD<Block> raw, Network net, String name) {
    JavaRDD<Block> blocks = raw.persist(StorageLevel.MEMORY_AND_DISK());
    blocks.rdd().localCheckpoint();
    blocks.context().setJobDescription("count " + name);
    List<Shape> shapes = TaskErrors.rethrowBadInput(() -> blocks.map(b -> Shipped.of(new Shape(
        b.partition(), b.rows(), b.xCols(), b.yCols(), b.w() != null, b.weightSum())))
        .collect()).stream().map(Shipped::get).toList();
    int[] rowsPerPartition = new int[blocks.getNumPartitions()];
    boolean weighted = false;
    double weightSum = 0;
    for (Shape s : shapes) {  // in partition order: the same total, bit for bit, every run
      Checks.argument(rowsPerPartition[s.partition()] == 0, "%s: partition %s holds more than "
          + "one block", name, s.partition());
      rowsPerPartition[s.partition()] = s.rows();
      weighted |= s.weighted();
      weightSum += s.weightSum();
      if (s.rows() > 0) {
        Checks.argument(s.xCols() == net.inputDim(), "%s has %s features per row but the "
            + "model's inputDim is %s", name, s.xCols(), net.inputDim());
      }
    }
    TrainingBlocks tb = new TrainingBlocks(blocks, rowsPerPartition, weighted, weightSum, name);
    Checks.argument(tb.rows > 0, "%s is empty: it has no rows to train on", name);
    tb.validate(net);
    // After validate, so a negative or NaN weight is reported as such rather than as the sum.
    Checks.argument(tb.weightSum > 0, "%s has no row with a positive weight: its weights sum "
        + "to 0", name);
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
        SampleWeights.check(b.w(), 0, b.rows(), what, offsets[b.partition()]);
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

  /**
   * The same rows with Keras's class weights multiplied into their weights (see
   * {@link ClassWeights}), prepared anew: release them when done. Errors name rows of the
   * whole data set.
   */
  public TrainingBlocks withClassWeights(Map<Integer, Double> classWeight, Network net) {
    long[] offsets = new long[rowsPerPartition.length];
    for (int p = 1; p < offsets.length; p++) {
      offsets[p] = offsets[p - 1] + rowsPerPartition[p - 1];
    }
    Map<Integer, Double> cw = Map.copyOf(classWeight);
    JavaRDD<Block> weighted = blocks.map(b -> b.rows() == 0 ? b : new Block(b.partition(),
        b.x(), b.y(), ClassWeights.apply(cw, net, new Matrix(b.y(), b.rows(), b.yCols()), b.w(),
        offsets[b.partition()]), b.rows(), b.xCols(), b.yCols()));
    return prepare(weighted, net, name);
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

  /** Whether the rows carry weights. */
  public boolean weighted() {
    return weighted;
  }

  /** The total weight of the rows: Σ w in double, or the row count when unweighted. */
  public double weightSum() {
    return weightSum;
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
