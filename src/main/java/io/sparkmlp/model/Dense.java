package io.sparkmlp.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.util.Checks;
import io.sparkmlp.util.IllegalSettingException;
import java.util.function.UnaryOperator;

/**
 * A fully connected layer, as Keras's {@code Dense(units, activation, input_dim=...)}. Settings
 * are checked as they are given, so a bad name fails at the line that wrote it; names are kept
 * in the runtime's spelling ({@code "ReLU"} is {@code "relu"}). Null components take the
 * defaults below; a run configuration's {@code type: dense} layer binds here.
 *
 * <pre>{@code new Dense(64, "relu").inputDim(100).kernelInitializer("he_normal").l2(1e-4)}</pre>
 *
 * @param units outputs of the layer
 * @param activation applied to the outputs, a Keras name
 * @param inputDim the declared input width, or null when it follows from the layer before
 * @param kernelInitializer how the weights are drawn, a Keras name
 * @param useBias whether the layer adds a bias
 * @param l2 L2 penalty λ on the kernel: adds λ Σ W² to the loss (Keras's regularizers.l2(λ))
 */
@JsonTypeName("dense")
@JsonClassDescription("A fully connected layer, as Keras's Dense.")
public record Dense(
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
    Double l2) implements Layer {
  /** Keras's Dense(units) is linear. */
  public static final Activation DEFAULT_ACTIVATION = Activation.LINEAR;
  public static final Initializer DEFAULT_KERNEL_INITIALIZER = Initializer.DEFAULT_KERNEL;
  public static final boolean DEFAULT_USE_BIAS = true;
  public static final double DEFAULT_L2 = 0.0;

  public Dense {
    Checks.setting(units != null && units >= 1, "units", "must be >= 1, got %s", units);
    activation = named("activation", activation == null ? DEFAULT_ACTIVATION.kerasName()
        : activation, s -> Activation.byName(s).kerasName());
    Checks.setting(inputDim == null || inputDim >= 1, "inputDim", "must be >= 1, got %s",
        inputDim);
    kernelInitializer = named("kernelInitializer", kernelInitializer == null
        ? DEFAULT_KERNEL_INITIALIZER.kerasName() : kernelInitializer,
        s -> Initializer.byName(s).kerasName());
    useBias = useBias == null ? DEFAULT_USE_BIAS : useBias;
    l2 = l2 == null ? DEFAULT_L2 : l2;
    Checks.setting(l2 >= 0 && Double.isFinite(l2), "l2", "must be a finite number >= 0, got %s",
        l2);
  }

  /** A linear Dense layer. */
  public Dense(int units) {
    this(units, null, null, null, null, null);
  }

  public Dense(int units, String activation) {
    this(units, activation, null, null, null, null);
  }

  /** Width of the input; required on the first layer, as Keras's input_dim. */
  @Override
  public Dense inputDim(int inputDim) {
    return new Dense(units, activation, inputDim, kernelInitializer, useBias, l2);
  }

  public Dense activation(String name) {
    return new Dense(units, name, inputDim, kernelInitializer, useBias, l2);
  }

  public Dense kernelInitializer(String name) {
    return new Dense(units, activation, inputDim, name, useBias, l2);
  }

  public Dense useBias(boolean useBias) {
    return new Dense(units, activation, inputDim, kernelInitializer, useBias, l2);
  }

  /** L2 penalty λ on the kernel: adds λ Σ W² to the loss (Keras's regularizers.l2(λ)). */
  public Dense l2(double lambda) {
    return new Dense(units, activation, inputDim, kernelInitializer, useBias, lambda);
  }

  @Override
  public int declaredInputDim() {
    return inputDim == null ? 0 : inputDim;
  }

  @Override
  public LayerSpec resolve(int inputWidth) {
    Checks.argument(inputDim == null || inputDim == inputWidth,
        "Dense(%s) declares inputDim %s but the layer before it has %s outputs", units, inputDim,
        inputWidth);
    return new DenseSpec(inputWidth, units, Activation.byName(activation),
        Initializer.byName(kernelInitializer), useBias, l2.floatValue());
  }

  /** A name in the runtime's spelling; an unknown one is reported under its key. */
  private static String named(String key, String name, UnaryOperator<String> canonical) {
    try {
      return canonical.apply(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalSettingException(key, ": " + e.getMessage());
    }
  }
}
