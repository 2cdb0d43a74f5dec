package io.sparkmlp.spark;

import io.sparkmlp.model.Callback;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.util.Checks;
import java.nio.file.Path;

/**
 * Settings of a distributed fit: Keras's fit arguments ({@link FitOptions}) plus where the
 * data comes from and how the cluster trains on it.
 * <pre>{@code
 * SparkFitOptions.builder().featuresCol("features").labelCol("label").weightCol("weight")
 *     .batchSize(512).epochs(10).validationSplit(0.1).seed(7)
 *     .checkpointDir(Path.of("out/ckpt")).checkpointEvery(1).build()
 * }</pre>
 */
public final class SparkFitOptions {
  public static final String DEFAULT_FEATURES_COL = "features";
  public static final String DEFAULT_LABEL_COL = "label";

  private final FitOptions fit;
  private final String featuresCol;
  private final String labelCol;
  private final String weightCol;
  private final int numPartitions;
  private final int treeDepth;
  private final int syncEvery;
  private final Path checkpointDir;
  private final int checkpointEvery;
  private final boolean resume;

  private SparkFitOptions(Builder b) {
    this.fit = b.fit.build();
    this.featuresCol = b.featuresCol;
    this.labelCol = b.labelCol;
    this.weightCol = b.weightCol;
    this.numPartitions = b.numPartitions;
    this.treeDepth = b.treeDepth;
    this.syncEvery = b.syncEvery;
    this.checkpointDir = b.checkpointDir;
    this.checkpointEvery = b.checkpointEvery;
    this.resume = b.resume;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The Keras fit settings: batch size (global), epochs, validation, seed, callbacks. */
  public FitOptions fit() {
    return fit;
  }

  public String featuresCol() {
    return featuresCol;
  }

  public String labelCol() {
    return labelCol;
  }

  /**
   * The column of per-row sample weights, or null when rows are unweighted. With one, training
   * minimises each minibatch's weighted mean loss Σ w_i·loss_i / Σ w_i, and losses and metrics
   * are reported as weighted means (Spark ML's weightCol).
   */
  public String weightCol() {
    return weightCol;
  }

  /** Partitions to spread the data over; 0 means the cluster's total cores. */
  public int numPartitions() {
    return numPartitions;
  }

  /** treeAggregate depth; 0 chooses from the partition count. */
  public int treeDepth() {
    return treeDepth;
  }

  /** Local steps per partition between synchronisations; 1 is exact synchronous training. */
  public int syncEvery() {
    return syncEvery;
  }

  /** Where checkpoints go, or null for none. */
  public Path checkpointDir() {
    return checkpointDir;
  }

  /** Write a checkpoint every this many epochs (and after the last). */
  public int checkpointEvery() {
    return checkpointEvery;
  }

  /** Continue from the checkpoint in {@link #checkpointDir} when there is one. */
  public boolean resume() {
    return resume;
  }

  /** The tree depth to use for a given partition count: 1 up to 8 partitions, then deeper. */
  public int depthFor(int partitions) {
    if (treeDepth > 0) {
      return treeDepth;
    }
    int depth = 1;
    for (long reach = 8; reach < partitions; reach *= 8) {
      depth++;
    }
    return depth;
  }

  /** Builder: FitOptions' settings and the Spark ones. */
  public static final class Builder {
    private final FitOptions.Builder fit = FitOptions.builder();
    private String featuresCol = DEFAULT_FEATURES_COL;
    private String labelCol = DEFAULT_LABEL_COL;
    private String weightCol;
    private int numPartitions;
    private int treeDepth;
    private int syncEvery = 1;
    private Path checkpointDir;
    private int checkpointEvery = 1;
    private boolean resume;

    public Builder batchSize(int batchSize) {
      fit.batchSize(batchSize);
      return this;
    }

    public Builder epochs(int epochs) {
      fit.epochs(epochs);
      return this;
    }

    public Builder validationSplit(double fraction) {
      fit.validationSplit(fraction);
      return this;
    }

    public Builder shuffle(boolean shuffle) {
      fit.shuffle(shuffle);
      return this;
    }

    public Builder seed(long seed) {
      fit.seed(seed);
      return this;
    }

    public Builder verbose(int verbose) {
      fit.verbose(verbose);
      return this;
    }

    public Builder callbacks(Callback... callbacks) {
      fit.callbacks(callbacks);
      return this;
    }

    public Builder featuresCol(String col) {
      Checks.argument(col != null && !col.isBlank(), "featuresCol must be a column name");
      this.featuresCol = col;
      return this;
    }

    public Builder labelCol(String col) {
      Checks.argument(col != null && !col.isBlank(), "labelCol must be a column name");
      this.labelCol = col;
      return this;
    }

    /**
     * The sample weight column (any numeric type, finite and >= 0); null or "" for none, as
     * Spark ML reads an empty weightCol.
     */
    public Builder weightCol(String col) {
      this.weightCol = col == null || col.isEmpty() ? null : col;
      return this;
    }

    public Builder numPartitions(int numPartitions) {
      this.numPartitions = Checks.positive(numPartitions, "numPartitions");
      return this;
    }

    public Builder treeDepth(int treeDepth) {
      this.treeDepth = Checks.positive(treeDepth, "treeDepth");
      return this;
    }

    public Builder syncEvery(int steps) {
      this.syncEvery = Checks.positive(steps, "syncEvery");
      return this;
    }

    public Builder checkpointDir(Path dir) {
      this.checkpointDir = dir;
      return this;
    }

    public Builder checkpointEvery(int epochs) {
      this.checkpointEvery = Checks.positive(epochs, "checkpointEvery");
      return this;
    }

    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    public SparkFitOptions build() {
      Checks.argument(!resume || checkpointDir != null, "resume needs a checkpointDir");
      return new SparkFitOptions(this);
    }
  }
}
