package io.sparkmlp.nn;

import java.io.Serializable;

/**
 * One resolved layer of a network: its input width is known. Immutable and serializable so a
 * whole network description can be broadcast with the weights.
 */
public sealed interface LayerSpec extends Serializable permits DenseSpec, DropoutSpec {

  /** Width of the layer's input. */
  int inputDim();

  /** Width of the layer's output. */
  int outputDim();

  /** Number of trainable floats this layer owns in the flat parameter array. */
  int numParams();
}
