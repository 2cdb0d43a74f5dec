package io.sparkmlp.testing;

import java.util.Random;

/**
 * A convex test problem: softmax regression (one Dense softmax layer, no hidden layer) on
 * synthetic rows whose classes are drawn from a softmax of a fixed linear map, so no plane
 * separates them and the optimum is finite. The loss, its gradient and class probabilities
 * are computed here in double, independently of the kernel, for the parameters in the
 * network's layout: kernel (features, classes) row-major, then the bias (classes).
 */
public final class SoftmaxRegression {
  public final int rows;
  public final int features;
  public final int classes;
  /** Features (rows, features) row-major. */
  public final float[] x;
  /** Class indices (rows). */
  public final int[] label;

  private SoftmaxRegression(int rows, int features, int classes, float[] x, int[] label) {
    this.rows = rows;
    this.features = features;
    this.classes = classes;
    this.x = x;
    this.label = label;
  }

  /** rows rows of standard normal features, classes drawn from a softmax of a random map. */
  public static SoftmaxRegression generate(int rows, int features, int classes, long seed) {
    Random r = new Random(seed);
    double[] w = new double[features * classes];
    for (int i = 0; i < w.length; i++) {
      w[i] = r.nextGaussian();
    }
    float[] x = new float[rows * features];
    int[] label = new int[rows];
    double[] z = new double[classes];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < features; j++) {
        x[i * features + j] = (float) r.nextGaussian();
      }
      for (int c = 0; c < classes; c++) {
        z[c] = 0.3 * c;
        for (int j = 0; j < features; j++) {
          z[c] += x[i * features + j] * w[j * classes + c];
        }
      }
      double[] p = softmax(z);
      double u = r.nextDouble();
      int c = 0;
      while (c < classes - 1 && u >= p[c]) {
        u -= p[c];
        c++;
      }
      label[i] = c;
    }
    return new SoftmaxRegression(rows, features, classes, x, label);
  }

  /** The labels as a (rows, 1) column of class indices. */
  public float[] labelColumn() {
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = label[i];
    }
    return y;
  }

  /** Class probabilities of row i at params (float, the network's layout). */
  public double[] probabilities(float[] params, int i) {
    double[] z = new double[classes];
    int bias = features * classes;
    for (int c = 0; c < classes; c++) {
      z[c] = params[bias + c];
      for (int j = 0; j < features; j++) {
        z[c] += (double) x[i * features + j] * params[j * classes + c];
      }
    }
    return softmax(z);
  }

  /**
   * Weighted mean cross-entropy Σ w_i·loss_i / Σ w_i plus l2·ΣW² (kernel only) at params,
   * with grad := its gradient, all in double; weights null for 1 each.
   */
  public double lossAndGradient(float[] params, float[] weights, double l2, double[] grad) {
    java.util.Arrays.fill(grad, 0);
    int bias = features * classes;
    double total = 0;
    double loss = 0;
    for (int i = 0; i < rows; i++) {
      double w = weights == null ? 1 : weights[i];
      double[] p = probabilities(params, i);
      loss -= w * Math.log(p[label[i]]);
      total += w;
      for (int c = 0; c < classes; c++) {
        double d = w * (p[c] - (c == label[i] ? 1 : 0));
        grad[bias + c] += d;
        for (int j = 0; j < features; j++) {
          grad[j * classes + c] += d * x[i * features + j];
        }
      }
    }
    double reg = 0;
    for (int k = 0; k < grad.length; k++) {
      grad[k] /= total;
      if (k < bias) {
        grad[k] += 2 * l2 * params[k];
        reg += l2 * (double) params[k] * params[k];
      }
    }
    return loss / total + reg;
  }

  /** The Euclidean norm of the double gradient at params. */
  public double gradientNorm(float[] params, float[] weights, double l2) {
    double[] g = new double[params.length];
    lossAndGradient(params, weights, l2, g);
    double s = 0;
    for (double v : g) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double[] p = new double[z.length];
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      p[c] = Math.exp(z[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < z.length; c++) {
      p[c] /= sum;
    }
    return p;
  }
}
