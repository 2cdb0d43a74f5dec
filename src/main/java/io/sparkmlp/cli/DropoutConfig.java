package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sparkmlp.model.Dropout;
import io.sparkmlp.model.Layer;
import io.sparkmlp.util.Checks;

/** A {@code type: dropout} layer, Keras's {@code Dropout}. */
@JsonTypeName("dropout")
@JsonClassDescription("Zeroes a fraction of its inputs while training, as Keras's Dropout.")
public record DropoutConfig(
    @JsonProperty(required = true) @JsonPropertyDescription("the fraction of inputs dropped, "
        + "in [0, 1)")
    Double rate,
    @JsonPropertyDescription("input width; only for a first layer, and then taken from the data "
        + "when left out")
    Integer inputDim) implements LayerConfig {

  public DropoutConfig {
    Checks.argument(rate != null && rate >= 0 && rate < 1, "rate must be in [0, 1), got %s",
        rate);
    LayerConfig.checkInputDim(inputDim);
  }

  @Override
  public Layer toLayer(int inputDim) {
    Dropout dropout = new Dropout(rate);
    int width = this.inputDim != null ? this.inputDim : inputDim;
    return width > 0 ? dropout.inputDim(width) : dropout;
  }
}
