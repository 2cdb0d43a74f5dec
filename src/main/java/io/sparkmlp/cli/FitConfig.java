package io.sparkmlp.cli;

import io.sparkmlp.model.FitOptions;

/** The {@code fit} section: Keras's {@code model.fit} arguments plus the distributed ones. */
@Section(doc = "Keras's model.fit arguments, and how the cluster trains.")
public record FitConfig(
    @Key(name = "batch_size", defaultValue = "" + FitOptions.DEFAULT_BATCH_SIZE, range = ">= 1",
        doc = "global batch size: examples per step over all partitions together")
    int batchSize,
    @Key(name = "epochs", defaultValue = "" + FitOptions.DEFAULT_EPOCHS, range = ">= 1",
        doc = "passes over the training data")
    int epochs,
    @Key(name = "validation_split", defaultValue = "0.0", range = "[0, 1)",
        doc = "fraction of the training examples held out for validation (the alternative to "
            + "data.validation)")
    double validationSplit,
    @Key(name = "shuffle", defaultValue = "true",
        doc = "whether each epoch visits the examples in a new order")
    boolean shuffle,
    @Key(name = "seed", defaultValue = Key.UNSET, derivedDefault = "model.seed",
        doc = "seeds shuffling and dropout")
    Long seed,
    @Key(name = "early_stopping", defaultValue = Key.UNSET, derivedDefault = "none",
        doc = "stop when a monitored value stops improving")
    EarlyStoppingConfig earlyStopping,
    @Key(name = "target_loss", defaultValue = Key.UNSET, derivedDefault = "none",
        doc = "stop when a loss is reached")
    TargetLossConfig targetLoss,
    @Key(name = "checkpoint_every", defaultValue = "1", range = ">= 1",
        doc = "epochs between checkpoints in the output directory (and one after the last)")
    int checkpointEvery,
    @Key(name = "sync_every", defaultValue = "1", range = ">= 1",
        doc = "local steps each partition takes between synchronisations; 1 is exact "
            + "synchronous training, larger values cost fewer Spark jobs")
    int syncEvery) {

  /** This section with an unset seed replaced by the model's. */
  FitConfig withSeedDefault(long modelSeed) {
    return seed != null ? this : new FitConfig(batchSize, epochs, validationSplit, shuffle,
        modelSeed, earlyStopping, targetLoss, checkpointEvery, syncEvery);
  }
}
