package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.spark.source.DataFormat;
import io.sparkmlp.spark.source.DataSourceConfig;

/**
 * The {@code data} section: the format and the training, validation and test sources, each
 * with its columns. How many partitions they are spread over is the {@code distributed}
 * section's.
 */
@JsonClassDescription("Where the examples come from. All sources share one format.")
public record DataConfig(
    @JsonProperty(required = true)
    @JsonPropertyDescription("how the files are stored; it selects which keys every source reads")
    DataFormat format,
    @JsonProperty(required = true) @JsonPropertyDescription("the training examples")
    DataSourceConfig train,
    @JsonPropertyDescription("examples evaluated after every epoch (val_loss, val_accuracy, "
        + "...); the alternative to fit.validation_split; unset, none")
    DataSourceConfig validation,
    @JsonPropertyDescription("examples evaluated once, after training; unset, none")
    DataSourceConfig test) {}
