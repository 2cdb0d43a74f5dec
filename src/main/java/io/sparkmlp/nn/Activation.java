package io.sparkmlp.nn;

import io.sparkmlp.kernel.Activations;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The activations a Dense layer can apply, by Keras's names. */
public enum Activation {
  LINEAR("linear"),
  RELU("relu"),
  SIGMOID("sigmoid"),
  TANH("tanh"),
  SOFTMAX("softmax"),
  LEAKY_RELU("leaky_relu"),
  ELU("elu"),
  GELU("gelu"),
  SWISH("swish");

  /** Keras's default negative slope for leaky_relu. */
  public static final float LEAKY_RELU_SLOPE = 0.2f;
  /** Keras's default alpha for elu. */
  public static final float ELU_ALPHA = 1.0f;

  private final String kerasName;

  Activation(String kerasName) {
    this.kerasName = kerasName;
  }

  public String kerasName() {
    return kerasName;
  }

  /** The activation with this Keras name (case-insensitive; "silu" is swish, null is linear). */
  public static Activation byName(String name) {
    if (name == null) {
      return LINEAR;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("silu")) {
      return SWISH;
    }
    for (Activation a : values()) {
      if (a.kerasName.equals(n)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown activation '" + name + "'; expected one of: "
        + Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", ")));
  }

  /** a := f(z) over a (rows, cols) block starting at 0. a may be z. */
  public void forward(float[] a, float[] z, int rows, int cols) {
    int n = rows * cols;
    switch (this) {
      case LINEAR -> {
        if (a != z) {
          System.arraycopy(z, 0, a, 0, n);
        }
      }
      case RELU -> Activations.relu(a, z, 0, n);
      case SIGMOID -> Activations.sigmoid(a, z, 0, n);
      case TANH -> Activations.tanh(a, z, 0, n);
      case SOFTMAX -> Activations.softmaxRows(a, z, 0, rows, cols);
      case LEAKY_RELU -> Activations.leakyRelu(a, z, 0, n, LEAKY_RELU_SLOPE);
      case ELU -> Activations.elu(a, z, 0, n, ELU_ALPHA);
      case GELU -> Activations.gelu(a, z, 0, n);
      case SWISH -> Activations.swish(a, z, 0, n);
      default -> throw new AssertionError(this);
    }
  }

  /** dz := da * f'(z) over a (rows, cols) block; a is the forward output. dz may be da. */
  public void backward(float[] dz, float[] da, float[] z, float[] a, int rows, int cols) {
    int n = rows * cols;
    switch (this) {
      case LINEAR -> {
        if (dz != da) {
          System.arraycopy(da, 0, dz, 0, n);
        }
      }
      case RELU -> Activations.reluBackward(dz, da, z, 0, n);
      case SIGMOID -> Activations.sigmoidBackward(dz, da, a, 0, n);
      case TANH -> Activations.tanhBackward(dz, da, a, 0, n);
      case SOFTMAX -> Activations.softmaxBackwardRows(dz, da, a, 0, rows, cols);
      case LEAKY_RELU -> Activations.leakyReluBackward(dz, da, z, 0, n, LEAKY_RELU_SLOPE);
      case ELU -> Activations.eluBackward(dz, da, z, 0, n, ELU_ALPHA);
      case GELU -> Activations.geluBackward(dz, da, z, 0, n);
      case SWISH -> Activations.swishBackward(dz, da, z, 0, n);
      default -> throw new AssertionError(this);
    }
  }
}
