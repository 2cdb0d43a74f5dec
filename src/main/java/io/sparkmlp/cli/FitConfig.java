package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.util.Checks;

/** The {@code fit} section: Keras's {@code model.fit} arguments plus the distributed ones. */
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
    Integer syncEvery) {
  public static final int DEFAULT_BATCH_SIZE = FitOptions.DEFAULT_BATCH_SIZE;
  public static final int DEFAULT_EPOCHS = FitOptions.DEFAULT_EPOCHS;
  public static final double DEFAULT_VALIDATION_SPLIT = 0.0;
  public static final boolean DEFAULT_SHUFFLE = true;
  public static final int DEFAULT_CHECKPOINT_EVERY = 1;
  public static final int DEFAULT_SYNC_EVERY = 1;

  public FitConfig {
    batchSize = Checks.positive(batchSize == null ? DEFAULT_BATCH_SIZE : batchSize, "batch_size");
    epochs = Checks.positive(epochs == null ? DEFAULT_EPOCHS : epochs, "epochs");
    validationSplit = Checks.fraction(validationSplit == null ? DEFAULT_VALIDATION_SPLIT
        : validationSplit, "validation_split");
    shuffle = shuffle == null ? DEFAULT_SHUFFLE : shuffle;
    checkpointEvery = Checks.positive(checkpointEvery == null ? DEFAULT_CHECKPOINT_EVERY
        : checkpointEvery, "checkpoint_every");
    syncEvery = Checks.positive(syncEvery == null ? DEFAULT_SYNC_EVERY : syncEvery,
        "sync_every");
  }

  /** This section with an unset seed replaced by the model's. */
  FitConfig withSeedDefault(long modelSeed) {
    return seed != null ? this : new FitConfig(batchSize, epochs, validationSplit, shuffle,
        modelSeed, earlyStopping, targetLoss, checkpointEvery, syncEvery);
  }
}
