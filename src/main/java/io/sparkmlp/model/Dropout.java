package io.sparkmlp.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.util.Checks;

/**
 * Keras's {@code Dropout(rate)}: zeroes a fraction of its inputs while training. A run
 * configuration's {@code type: dropout} layer binds here.
 *
 * @param rate the fraction of inputs dropped, in [0, 1)
 * @param inputDim the declared input width, needed only when Dropout is the first layer; null
 *     for none
 */
@JsonTypeName("dropout")
@JsonClassDescription("Zeroes a fraction of its inputs while training, as Keras's Dropout.")
public record Dropout(
    @JsonProperty(required = true) @JsonPropertyDescription("the fraction of inputs dropped, "
        + "in [0, 1)")
    Double rate,
    @JsonPropertyDescription("input width; only for a first layer, and then taken from the data "
        + "when left out")
    Integer inputDim) implements Layer {

  public Dropout {
    Checks.setting(rate != null, "rate", "must be in [0, 1), got null");
    Checks.fraction(rate, "rate");
    Checks.setting(inputDim == null || inputDim >= 1, "inputDim", "must be >= 1, got %s",
        inputDim);
  }

  public Dropout(double rate) {
    this(rate, null);
  }

  /** Width of the input, needed only when Dropout is the first layer. */
  @Override
  public Dropout inputDim(int inputDim) {
    return new Dropout(rate, inputDim);
  }

  @Override
  public int declaredInputDim() {
    return inputDim == null ? 0 : inputDim;
  }

  @Override
  public LayerSpec resolve(int inputWidth) {
    return new DropoutSpec(inputWidth, rate.floatValue());
  }
}
