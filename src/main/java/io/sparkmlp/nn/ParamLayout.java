package io.sparkmlp.nn;

import java.io.Serializable;
import java.util.List;

/**
 * Where each layer's parameters live in the one flat float array that holds them all (and in
 * the gradient and optimizer slots, which share the layout): for Dense layer i the kernel
 * (inputDim, units) row-major at {@link #kernelOffset}, then the bias (units) at
 * {@link #biasOffset}. Layers without parameters get offset -1.
 */
public final class ParamLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int[] kernelOffsets;
  private final int[] biasOffsets;
  private final int size;

  public ParamLayout(List<LayerSpec> layers) {
    kernelOffsets = new int[layers.size()];
    biasOffsets = new int[layers.size()];
    long offset = 0;
    for (int i = 0; i < layers.size(); i++) {
      kernelOffsets[i] = -1;
      biasOffsets[i] = -1;
      if (layers.get(i) instanceof DenseSpec d) {
        kernelOffsets[i] = (int) offset;
        offset += (long) d.inputDim() * d.units();
        if (d.useBias()) {
          biasOffsets[i] = (int) offset;
          offset += d.units();
        }
      }
    }
    if (offset > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("network has " + offset
          + " parameters; at most " + (Integer.MAX_VALUE - 8) + " fit in one float array");
    }
    size = (int) offset;
  }

  /** Offset of layer i's kernel, or -1 if it has none. */
  public int kernelOffset(int layer) {
    return kernelOffsets[layer];
  }

  /** Offset of layer i's bias, or -1 if it has none. */
  public int biasOffset(int layer) {
    return biasOffsets[layer];
  }

  /** Total number of parameters. */
  public int size() {
    return size;
  }
}
