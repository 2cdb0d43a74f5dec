package io.sparkmlp.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.sparkmlp.nn.LayerSpec;

/**
 * A layer as the user declares it, Keras-style, before the input width is known. Adding it to
 * a {@link Sequential} and compiling resolves it into an immutable {@link LayerSpec}. Layers
 * are records that check their settings as they are made; a run configuration's
 * {@code model.layers} binds straight into them, the {@code type} key choosing the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = Layer.TYPE_KEY)
@JsonSubTypes({@JsonSubTypes.Type(Dense.class), @JsonSubTypes.Type(Dropout.class)})
public sealed interface Layer permits Dense, Dropout {
  /** The key of a configured layer that selects its record: {@code type: dense}. */
  String TYPE_KEY = "type";

  /** The input width the user declared on this layer, or 0 if none. */
  int declaredInputDim();

  /** This layer with the given input width declared. */
  Layer inputDim(int inputDim);

  /** This layer with its input width fixed. */
  LayerSpec resolve(int inputDim);
}
