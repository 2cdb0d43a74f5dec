package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Layer;
import io.sparkmlp.util.Checks;

/** A {@code type: dense} layer, Keras's {@code Dense}. */
@JsonTypeName("dense")
@JsonClassDescription("A fully connected layer, as Keras's Dense.")
public record DenseConfig(
    @JsonProperty(required = true) @JsonPropertyDescription("outputs of the layer (>= 1)")
    Integer units,
    @JsonPropertyDescription("applied to the outputs")
    String activation,
    @JsonPropertyDescription("input width; on the first layer, left out, it is taken from the "
        + "data")
    Integer inputDim,
    @JsonPropertyDescription("how the weights are drawn (biases start at zero)")
    String kernelInitializer,
    @JsonPropertyDescription("whether the layer adds a bias")
    Boolean useBias,
    @JsonPropertyDescription("L2 penalty on the weights (>= 0): adds l2 * sum(W^2) to the loss")
    Double l2) implements LayerConfig {
  public static final String DEFAULT_ACTIVATION = Dense.DEFAULT_ACTIVATION.kerasName();
  public static final String DEFAULT_KERNEL_INITIALIZER =
      Dense.DEFAULT_KERNEL_INITIALIZER.kerasName();
  public static final boolean DEFAULT_USE_BIAS = Dense.DEFAULT_USE_BIAS;
  public static final double DEFAULT_L2 = Dense.DEFAULT_L2;

  public DenseConfig {
    Checks.argument(units != null && units >= 1, "units must be >= 1, got %s", units);
    activation = Names.ACTIVATION.canonical("activation",
        activation == null ? DEFAULT_ACTIVATION : activation);
    LayerConfig.checkInputDim(inputDim);
    kernelInitializer = Names.INITIALIZER.canonical("kernel_initializer",
        kernelInitializer == null ? DEFAULT_KERNEL_INITIALIZER : kernelInitializer);
    useBias = useBias == null ? DEFAULT_USE_BIAS : useBias;
    l2 = l2 == null ? DEFAULT_L2 : l2;
    Checks.argument(l2 >= 0 && Double.isFinite(l2), "l2 must be a finite number >= 0, got %s",
        l2);
  }

  @Override
  public Layer toLayer(int inputDim) {
    Dense dense = new Dense(units, activation).kernelInitializer(kernelInitializer)
        .useBias(useBias).l2(l2);
    int width = this.inputDim != null ? this.inputDim : inputDim;
    return width > 0 ? dense.inputDim(width) : dense;
  }
}
