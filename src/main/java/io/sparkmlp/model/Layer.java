package io.sparkmlp.model;

import io.sparkmlp.nn.LayerSpec;

/**
 * A layer as the user declares it, Keras-style, before the input width is known. Adding it to
 * a {@link Sequential} and compiling resolves it into an immutable {@link LayerSpec}.
 */
public sealed interface Layer permits Dense, Dropout {

  /** The input width the user declared on this layer, or 0 if none. */
  int declaredInputDim();

  /** This layer with its input width fixed. */
  LayerSpec resolve(int inputDim);
}
