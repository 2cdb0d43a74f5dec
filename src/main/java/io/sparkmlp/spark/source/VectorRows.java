package io.sparkmlp.spark.source;

import java.util.Arrays;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/** Spark ML Vectors into the dense float rows the kernel reads. */
public final class VectorRows {
  private VectorRows() {}

  /** Writes v's values (a sparse v densified, its gaps zero) to dst[off, off + v.size()). */
  public static void copy(Vector v, float[] dst, int off) {
    if (v instanceof DenseVector dv) {
      double[] values = dv.values();
      for (int i = 0; i < values.length; i++) {
        dst[off + i] = (float) values[i];
      }
    } else {
      SparseVector sv = (SparseVector) v;
      Arrays.fill(dst, off, off + sv.size(), 0f);
      int[] indices = sv.indices();
      double[] values = sv.values();
      for (int k = 0; k < indices.length; k++) {
        dst[off + indices[k]] = (float) values[k];
      }
    }
  }
}
