package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.source.DataFormat;
import io.sparkmlp.spark.source.DataSourceConfig;

/** The {@code data} section: the format and the training, validation and test sources. */
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
    DataSourceConfig test,
    @JsonPropertyDescription("Spark partitions to spread the examples over (>= 0); 0 takes the "
        + "cluster's total cores")
    Integer partitions) {
  public static final int DEFAULT_PARTITIONS = DistributedOptions.DEFAULT_NUM_PARTITIONS;

  public DataConfig {
    partitions = DistributedOptions.builder().numPartitions(partitions == null
        ? DEFAULT_PARTITIONS : partitions).build().numPartitions();
  }
}
