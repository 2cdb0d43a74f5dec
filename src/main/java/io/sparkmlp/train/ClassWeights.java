package io.sparkmlp.train;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Loss;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.util.Checks;
import java.util.Map;

/**
 * Keras's class_weight turned into per-row weights: each row's weight (1 without sample
 * weights) times the weight of its class, in float as Keras multiplies them. A row's class is
 * its label for sparse labels, the argmax of a one-hot (or multi-output) target, and the
 * rounded target of a single output.
 */
public final class ClassWeights {
  private ClassWeights() {}

  /**
   * The rows' weights: sampleWeight (null: all 1) times each row's class weight. Errors name
   * rows from 0; {@code rowOffset} is added for a block of a larger data set.
   */
  public static float[] apply(Map<Integer, Double> classWeight, Network net, Matrix y,
                              float[] sampleWeight) {
    return apply(classWeight, net, y, sampleWeight, 0);
  }

  /** As {@link #apply(Map, Network, Matrix, float[])} for rows that start at rowOffset. */
  public static float[] apply(Map<Integer, Double> classWeight, Network net, Matrix y,
                              float[] sampleWeight, long rowOffset) {
    Loss loss = net.loss();
    Checks.argument(loss.isClassification(), "classWeight needs a classification loss, not %s",
        loss.kerasName());
    int classes = y.cols() == 1 && !loss.sparseLabels() ? 2 : net.outputDim();
    for (int c : classWeight.keySet()) {
      Checks.argument(c < classes, "classWeight has class %s but the labels have %s classes "
          + "(0 to %s)", c, classes, classes - 1);
    }
    float[] cw = new float[classes];
    boolean[] given = new boolean[classes];
    classWeight.forEach((c, v) -> {
      cw[c] = v.floatValue();
      given[c] = true;
    });
    float[] w = new float[y.rows()];
    for (int r = 0; r < w.length; r++) {
      int c = y.cols() == 1 ? (int) Math.rint(y.get(r, 0))
          : Metric.argmax(y.values(), r * y.cols(), y.cols());
      Checks.argument(given[c], "classWeight has no weight for class %s (row %s); give one "
          + "for every class in the labels", c, rowOffset + r);
      w[r] = sampleWeight == null ? cw[c] : sampleWeight[r] * cw[c];
    }
    return w;
  }
}
