package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.spark.DistributedOptions;

/**
 * The {@code fit} section: Keras's {@code model.fit} arguments plus the distributed ones. It
 * binds the keys of {@link FitOptions} and {@link DistributedOptions} a file may set, and takes
 * their defaults and checks from those records; {@link RunConfig#fitOptions} builds them.
 */
@JsonClassDescription("Keras's model.fit arguments, and how the cluster trains.")
public record FitConfig(
    @JsonPropertyDescription("global batch size (>= 1): examples per step over all partitions "
        + "together")
    Integer batchSize,
    @JsonPropertyDescription("passes over the training data (>= 1)")
    Integer epochs,
    @JsonPropertyDescription("fraction of the training examples held out for validation, in "
        + "[0, 1) (the alternative to data.validation)")
    Double validationSplit,
    @JsonPropertyDescription("whether each epoch visits the examples in a new order")
    Boolean shuffle,
    @JsonPropertyDescription("seeds shuffling and dropout; unset, model.seed")
    Long seed,
    @JsonPropertyDescription("stop when a monitored value stops improving; unset, never")
    EarlyStoppingConfig earlyStopping,
    @JsonPropertyDescription("stop when a loss is reached; unset, never")
    TargetLossConfig targetLoss,
    @JsonPropertyDescription("epochs between checkpoints in the output directory (>= 1; and one "
        + "after the last)")
    Integer checkpointEvery,
    @JsonPropertyDescription("local steps each partition takes between synchronisations (>= 1);"
        + " 1 is exact synchronous training, larger values cost fewer Spark jobs")
    Integer syncEvery,
    @JsonPropertyDescription("validate every this many epochs (>= 1; Keras's validation_freq): "
        + "after epochs n, 2n, ...")
    Integer validationFreq) {
  // Defaults and ranges are FitOptions' and DistributedOptions'; these name them for the
  // reference.
  public static final int DEFAULT_BATCH_SIZE = FitOptions.DEFAULT_BATCH_SIZE;
  public static final int DEFAULT_EPOCHS = FitOptions.DEFAULT_EPOCHS;
  public static final double DEFAULT_VALIDATION_SPLIT = FitOptions.DEFAULT_VALIDATION_SPLIT;
  public static final boolean DEFAULT_SHUFFLE = FitOptions.DEFAULT_SHUFFLE;
  public static final int DEFAULT_CHECKPOINT_EVERY = FitOptions.DEFAULT_CHECKPOINT_EVERY;
  public static final int DEFAULT_SYNC_EVERY = DistributedOptions.DEFAULT_SYNC_EVERY;
  public static final int DEFAULT_VALIDATION_FREQ = FitOptions.DEFAULT_VALIDATION_FREQ;

  public FitConfig {
    FitOptions o = new FitOptions(batchSize, epochs, null, validationSplit, shuffle, seed, null,
        null, checkpointEvery, null, null, null, null, null, validationFreq);
    batchSize = o.batchSize();
    epochs = o.epochs();
    validationSplit = o.validationSplit();
    shuffle = o.shuffle();
    checkpointEvery = o.checkpointEvery();
    validationFreq = o.validationFreq();
    syncEvery = new DistributedOptions(o, null, null, null, null, null, syncEvery).syncEvery();
  }

  /** This section with an unset seed replaced by the model's. */
  FitConfig withSeedDefault(long modelSeed) {
    return seed != null ? this : new FitConfig(batchSize, epochs, validationSplit, shuffle,
        modelSeed, earlyStopping, targetLoss, checkpointEvery, syncEvery, validationFreq);
  }
}
