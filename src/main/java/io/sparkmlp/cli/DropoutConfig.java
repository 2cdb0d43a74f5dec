package io.sparkmlp.cli;

import io.sparkmlp.model.Dropout;
import io.sparkmlp.model.Layer;

/** A {@code type: dropout} layer, Keras's {@code Dropout}. */
@Section(type = "dropout", doc = "Zeroes a fraction of its inputs while training, as Keras's "
    + "Dropout.")
public record DropoutConfig(
    @Key(name = "rate", range = "[0, 1)",
        doc = "the fraction of inputs dropped")
    double rate,
    @Key(name = "input_dim", defaultValue = Key.UNSET, range = ">= 1",
        derivedDefault = "the width before it",
        doc = "input width; only for a first layer, and then taken from the data when left out")
    Integer inputDim) implements LayerConfig {

  @Override
  public Layer toLayer(int inputDim) {
    Dropout dropout = new Dropout(rate);
    int width = this.inputDim != null ? this.inputDim : inputDim;
    return width > 0 ? dropout.inputDim(width) : dropout;
  }
}
