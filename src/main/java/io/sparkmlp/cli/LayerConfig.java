package io.sparkmlp.cli;

import io.sparkmlp.model.Layer;

/**
 * One entry of {@code model.layers}; its {@code type} key selects the record. Each variant turns
 * itself into the Keras-style {@link Layer} the model is built from.
 */
public sealed interface LayerConfig permits DenseConfig, DropoutConfig {

  /** The declared input width, or null when it follows from the layer before (or the data). */
  Integer inputDim();

  /**
   * The layer, with {@code inputDim} as its input width when it declares none (0: none).
   *
   * @throws IllegalArgumentException when a setting is out of the layer's range
   */
  Layer toLayer(int inputDim);
}
