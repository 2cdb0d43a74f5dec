package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The {@code output} section: where the run writes its results. */
@JsonClassDescription("Where the run writes the model directory, history.csv, metrics.jsonl, "
    + "config.yaml (this configuration, resolved) and training.png.")
public record OutputConfig(
    @JsonProperty(required = true) @JsonPropertyDescription("the output directory")
    String dir,
    @JsonPropertyDescription("whether a run may replace the results already in dir")
    Boolean overwrite) {
  public static final boolean DEFAULT_OVERWRITE = false;

  public OutputConfig {
    overwrite = overwrite == null ? DEFAULT_OVERWRITE : overwrite;
  }
}
