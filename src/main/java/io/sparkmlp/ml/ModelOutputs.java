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
}
