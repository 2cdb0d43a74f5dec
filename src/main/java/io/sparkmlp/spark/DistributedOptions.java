package io.sparkmlp.spark;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.util.Checks;

/**
 * Settings of a distributed fit: the Keras fit settings ({@link FitOptions}, composed, not
 * repeated) plus where the data comes from and how the cluster trains on it. Null components
 * take their defaults in the compact constructor, which also checks every range. A run
 * configuration's {@code distributed:} section binds here, one to one: partitions, tree depth
 * and sync_every. The fit settings (the {@code fit:} section) and the columns (the data
 * source's) are given in code, so YAML cannot name them.
 * <pre>{@code
 * DistributedOptions.builder()
 *     .fit(FitOptions.builder().batchSize(512).epochs(10).seed(7).build())
 *     .weightCol("weight").syncEvery(4).build()
 * }</pre>
 *
 * @param fit batch size (global: examples per step over all partitions), epochs, validation,
 *     seed, checkpoints, callbacks
 * @param featuresCol the features column of a DataFrame
 * @param labelCol the label column of a DataFrame
 * @param weightCol the column of per-row sample weights, or null when rows are unweighted: each
 *     minibatch's loss is then Σ w_i·loss_i / Σ w_i, and losses and metrics are reported as
 *     weighted means (Spark ML's weightCol); "" reads as null, as Spark ML reads it
 * @param numPartitions partitions to spread the data over; 0 means the cluster's total cores
 * @param treeDepth how partial sums reach the driver: 1, every task's sum straight to the
 *     driver (tasks are partitions, or ranges of them where there are more partitions than
 *     task slots); 2 or more, Spark's treeAggregate of that depth; 0 chooses from the partition
 *     count
 * @param syncEvery local steps per partition between synchronisations; 1 is exact synchronous
 *     training; 0 ({@link #AUTO_SYNC_EVERY}) picks it from the first epoch's jobs, timed
 *     against their compute (train.AutoSteps)
 */
@JsonClassDescription("How the cluster trains: the partitions, how their sums reach the driver, "
    + "and the local steps between synchronisations.")
public record DistributedOptions(
    @JsonIgnore FitOptions fit,
    @JsonIgnore String featuresCol,
    @JsonIgnore String labelCol,
    @JsonIgnore String weightCol,
    @JsonProperty("partitions")
    @JsonPropertyDescription("Spark partitions to spread the examples over (>= 0); 0 takes the "
        + "cluster's total cores")
    Integer numPartitions,
    @JsonPropertyDescription("how partition sums reach the driver (>= 0): 1 straight from the "
        + "tasks, 2 or more through a treeAggregate of that depth; 0 chooses from the partition "
        + "count (1 up to 64 partitions)")
    Integer treeDepth,
    @JsonPropertyDescription("local steps each partition takes between synchronisations (an "
        + "integer >= 1, or auto); 1 is exact synchronous training, larger values cost fewer "
        + "Spark jobs, auto lets the trainer choose")
    @JsonDeserialize(using = SyncEveryJson.Reader.class)
    @JsonSerialize(using = SyncEveryJson.Writer.class)
    Integer syncEvery) {
  public static final String DEFAULT_FEATURES_COL = "features";
  public static final String DEFAULT_LABEL_COL = "label";
  /** 0: as many partitions as the cluster has cores (Spark's default parallelism). */
  public static final int DEFAULT_NUM_PARTITIONS = 0;
  /** 0: 1 up to 64 partitions, one level more for every factor of 8 beyond. */
  public static final int DEFAULT_TREE_DEPTH = 0;
  /**
   * sync_every auto ({@code auto} in YAML): local steps per synchronisation chosen from the
   * first epoch's jobs' timings (train.AutoSteps).
   */
  public static final int AUTO_SYNC_EVERY = 0;
  public static final int DEFAULT_SYNC_EVERY = 1;

  public DistributedOptions {
    fit = fit == null ? FitOptions.DEFAULTS : fit;
    featuresCol = featuresCol == null ? DEFAULT_FEATURES_COL : featuresCol;
    labelCol = labelCol == null ? DEFAULT_LABEL_COL : labelCol;
    weightCol = weightCol == null || weightCol.isEmpty() ? null : weightCol;
    numPartitions = numPartitions == null ? DEFAULT_NUM_PARTITIONS : numPartitions;
    treeDepth = treeDepth == null ? DEFAULT_TREE_DEPTH : treeDepth;
    syncEvery = syncEvery == null ? DEFAULT_SYNC_EVERY : syncEvery;
    Checks.setting(!featuresCol.isBlank(), "featuresCol", "must be a column name");
    Checks.setting(!labelCol.isBlank(), "labelCol", "must be a column name");
    Checks.setting(numPartitions >= 0, "numPartitions", "must be >= 0 (0: one per core), got %s",
        numPartitions);
    Checks.setting(treeDepth >= 0, "treeDepth", "must be >= 0 (0: chosen from the partitions), "
        + "got %s", treeDepth);
    Checks.setting(syncEvery >= 1 || syncEvery == AUTO_SYNC_EVERY, "syncEvery", "must be >= 1, "
        + "or %s for automatic, got %s", AUTO_SYNC_EVERY, syncEvery);
  }

  /** Default distributed settings around the given fit settings. */
  public static DistributedOptions of(FitOptions fit) {
    return builder().fit(fit).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder().fit(fit).featuresCol(featuresCol).labelCol(labelCol)
        .weightCol(weightCol).numPartitions(numPartitions).treeDepth(treeDepth)
        .syncEvery(syncEvery);
  }

  /**
   * The depth to use for a given partition count: treeDepth when set, else 1 up to 64
   * partitions and one level more for every factor of 8 beyond. Measured in local[2]
   * ({@code benchmarks/spark-step.sh}): a treeAggregate of depth 2 shuffles every partial sum
   * and cost 3-8 times the direct route at 32 and 64 partitions; the tree is kept for the large
   * clusters where hundreds of gradient-sized task results would all reach the driver.
   */
  public int depthFor(int partitions) {
    if (treeDepth > 0) {
      return treeDepth;
    }
    int depth = 1;
    for (long reach = 64; reach < partitions; reach *= 8) {
      depth++;
    }
    return depth;
  }

  /** Collects settings by name; unset ones stay null, so the record holds the only defaults. */
  public static final class Builder {
    private FitOptions fit;
    private String featuresCol;
    private String labelCol;
    private String weightCol;
    private Integer numPartitions;
    private Integer treeDepth;
    private Integer syncEvery;

    public Builder fit(FitOptions fit) {
      this.fit = fit;
      return this;
    }

    public Builder featuresCol(String col) {
      Checks.argument(col != null, "featuresCol must be a column name");
      this.featuresCol = col;
      return this;
    }

    public Builder labelCol(String col) {
      Checks.argument(col != null, "labelCol must be a column name");
      this.labelCol = col;
      return this;
    }

    public Builder weightCol(String col) {
      this.weightCol = col;
      return this;
    }

    public Builder numPartitions(int numPartitions) {
      this.numPartitions = numPartitions;
      return this;
    }

    public Builder treeDepth(int treeDepth) {
      this.treeDepth = treeDepth;
      return this;
    }

    public Builder syncEvery(int steps) {
      this.syncEvery = steps;
      return this;
    }

    public DistributedOptions build() {
      return new DistributedOptions(fit, featuresCol, labelCol, weightCol, numPartitions,
          treeDepth, syncEvery);
    }
  }
}
