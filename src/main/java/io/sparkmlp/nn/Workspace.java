package io.sparkmlp.nn;

/**
 * Activation and delta buffers for one thread, sized once for up to {@link #capacity()} rows so
 * that training steps allocate nothing. Not thread-safe: one per thread or task.
 */
public final class Workspace {
  final int capacity;
  /** Per layer: pre-activations z (Dense; the same array as out for a linear activation). */
  final float[][] pre;
  /** Per layer: outputs a (rows, outputDim). */
  final float[][] out;
  /** Per layer: dropout multipliers (0 or 1/(1-rate)); null for other layers. */
  final float[][] mask;
  /** Two ping-pong buffers for gradients flowing backwards, (rows, max width). */
  final float[] deltaA;
  final float[] deltaB;
  /** Gradient with respect to the output activations when the loss is not fused. */
  final float[] lossScratch;

  Workspace(java.util.List<LayerSpec> layers, int capacity) {
    this.capacity = capacity;
    int n = layers.size();
    pre = new float[n][];
    out = new float[n][];
    mask = new float[n][];
    int maxWidth = 1;
    for (int i = 0; i < n; i++) {
      LayerSpec l = layers.get(i);
      maxWidth = Math.max(maxWidth, Math.max(l.inputDim(), l.outputDim()));
      out[i] = new float[Math.multiplyExact(capacity, l.outputDim())];
      if (l instanceof DenseSpec d) {
        pre[i] = d.activation() == Activation.LINEAR ? out[i] : new float[out[i].length];
      } else if (l instanceof DropoutSpec) {
        mask[i] = new float[out[i].length];
      }
    }
    deltaA = new float[Math.multiplyExact(capacity, maxWidth)];
    deltaB = new float[deltaA.length];
    lossScratch = new float[Math.multiplyExact(capacity, layers.get(n - 1).outputDim())];
  }

  /** The most rows one forward or backward pass may process with this workspace. */
  public int capacity() {
    return capacity;
  }
}
