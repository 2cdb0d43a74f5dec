package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.model.Layer;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.util.Checks;
import java.util.List;

/** The {@code model} section: the seed and the stack of layers, the runtime's own. */
@JsonClassDescription("The network, as a Keras Sequential model: layers applied in order.")
public record ModelConfig(
    @JsonPropertyDescription("seeds the initial weights, and shuffling and dropout unless "
        + "fit.seed is set; the same seed, data and partitioning give the same weights, bit for "
        + "bit")
    Long seed,
    @JsonProperty(required = true)
    @JsonPropertyDescription("the layers, first to last; each has a type (dense, dropout) and "
        + "that type's keys")
    List<Layer> layers) {
  public static final long DEFAULT_SEED = Sequential.DEFAULT_SEED;

  public ModelConfig {
    seed = seed == null ? DEFAULT_SEED : seed;
    Checks.setting(layers != null && !layers.isEmpty(), "layers", "must hold at least one layer");
    layers = List.copyOf(layers);
  }

  /**
   * An uncompiled model of these layers with this seed.
   *
   * @param inputDim the data's width, used when the first layer declares no input_dim; 0 when
   *     it is not known (then the first layer must declare one)
   */
  public Sequential build(int inputDim) {
    Sequential model = new Sequential().seed(seed);
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      model.add(i == 0 && inputDim > 0 && layer.declaredInputDim() == 0
          ? layer.inputDim(inputDim) : layer);
    }
    return model;
  }

  /** The first layer's declared input width, or 0 when it is to be taken from the data. */
  public int declaredInputDim() {
    return layers.get(0).declaredInputDim();
  }
}
