package io.sparkmlp.ml;

import java.io.Serializable;

/**
 * The columns a model appends to each row, filled from one forward pass: the network's
 * outputs (after the output activation) and its logits (before it), both (rows, k).
 */
interface ModelOutputs extends Serializable {
  /** Columns appended per row. */
  int count();

  /** Writes row r's appended values into dst[pos, pos + count()). */
  void write(float[] outputs, float[] logits, int r, int k, Object[] dst, int pos);

  /** values[off, off + k) widened to double, for a Vector column. */
  static double[] toDouble(float[] values, int off, int k) {
    double[] d = new double[k];
    for (int j = 0; j < k; j++) {
      d[j] = values[off + j];
    }
    return d;
  }
}
