package io.sparkmlp.cli;

/** The {@code data} section: the format and the training, validation and test sources. */
@Section(doc = "Where the examples come from. All sources share one format.")
public record DataConfig(
    @Key(name = "format",
        doc = "how the files are stored")
    DataFormat format,
    @Key(name = "train",
        doc = "the training examples")
    DataSourceConfig train,
    @Key(name = "validation", defaultValue = Key.UNSET, derivedDefault = "none",
        doc = "examples evaluated after every epoch (val_loss, val_accuracy, ...); the "
            + "alternative to fit.validation_split")
    DataSourceConfig validation,
    @Key(name = "test", defaultValue = Key.UNSET, derivedDefault = "none",
        doc = "examples evaluated once, after training")
    DataSourceConfig test,
    @Key(name = "partitions", defaultValue = "0", range = ">= 0",
        doc = "Spark partitions to spread the examples over; 0 takes the cluster's total cores")
    int partitions) {

  /** This section with the format-dependent defaults of every source filled in. */
  DataConfig resolved() {
    return new DataConfig(format, train.withDefaultsFor(format),
        validation == null ? null : validation.withDefaultsFor(format),
        test == null ? null : test.withDefaultsFor(format), partitions);
  }
}
