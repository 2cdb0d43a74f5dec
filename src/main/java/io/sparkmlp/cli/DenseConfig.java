package io.sparkmlp.cli;

import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Layer;

/** A {@code type: dense} layer, Keras's {@code Dense}. */
@Section(type = "dense", doc = "A fully connected layer, as Keras's Dense.")
public record DenseConfig(
    @Key(name = "units", range = ">= 1",
        doc = "outputs of the layer")
    int units,
    @Key(name = "activation", defaultValue = "linear", names = Names.ACTIVATION,
        doc = "applied to the outputs")
    String activation,
    @Key(name = "input_dim", defaultValue = Key.UNSET, range = ">= 1",
        derivedDefault = "the width before it",
        doc = "input width; on the first layer, left out, it is taken from the data")
    Integer inputDim,
    @Key(name = "kernel_initializer", defaultValue = "glorot_uniform",
        names = Names.INITIALIZER,
        doc = "how the weights are drawn (biases start at zero)")
    String kernelInitializer,
    @Key(name = "use_bias", defaultValue = "true",
        doc = "whether the layer adds a bias")
    boolean useBias,
    @Key(name = "l2", defaultValue = "0.0", range = ">= 0",
        doc = "L2 penalty on the weights: adds l2 * sum(W^2) to the loss")
    double l2) implements LayerConfig {

  @Override
  public Layer toLayer(int inputDim) {
    Dense dense = new Dense(units, activation).kernelInitializer(kernelInitializer)
        .useBias(useBias).l2(l2);
    int width = this.inputDim != null ? this.inputDim : inputDim;
    return width > 0 ? dense.inputDim(width) : dense;
  }
}
