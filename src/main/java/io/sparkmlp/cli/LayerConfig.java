package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sparkmlp.model.Layer;
import io.sparkmlp.util.Checks;

/**
 * One entry of {@code model.layers}; its {@code type} key selects the record. Each variant turns
 * itself into the Keras-style {@link Layer} the model is built from.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = LayerConfig.TYPE_KEY)
@JsonSubTypes({@JsonSubTypes.Type(DenseConfig.class), @JsonSubTypes.Type(DropoutConfig.class)})
public sealed interface LayerConfig permits DenseConfig, DropoutConfig {
  /** The key that selects a layer's record. */
  String TYPE_KEY = "type";

  /** The declared input width, or null when it follows from the layer before (or the data). */
  Integer inputDim();

  /**
   * The layer, with {@code inputDim} as its input width when it declares none (0: none).
   *
   * @throws IllegalArgumentException when a setting is out of the layer's range
   */
  Layer toLayer(int inputDim);

  /** Checks a declared input width. */
  static void checkInputDim(Integer inputDim) {
    Checks.argument(inputDim == null || inputDim >= 1, "input_dim must be >= 1, got %s",
        inputDim);
  }
}
