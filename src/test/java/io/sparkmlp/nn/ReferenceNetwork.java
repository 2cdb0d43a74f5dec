package io.sparkmlp.nn;

import java.util.List;

/**
 * An independent double-precision implementation of the forward pass and loss, written from
 * the textbook formulas with naive loops, for checking {@link Network}'s float gradients by
 * central differences.
 */
final class ReferenceNetwork {
  private final List<LayerSpec> layers;
  private final Loss loss;
  private final ParamLayout layout;

  ReferenceNetwork(Network net) {
    this.layers = net.layers();
    this.loss = net.loss();
    this.layout = net.layout();
  }

  /** Mean loss over rows plus the L2 term λ Σ W², with dropout masks given per layer. */
  double loss(double[] p, float[] x, float[] y, int rows, float[][] masks) {
    return loss(p, x, y, null, rows, masks);
  }

  /**
   * Weighted mean loss Σ sw_r·loss_r / Σ sw_r over rows, with sample weights sw (the plain
   * mean when sw is null), plus the L2 term λ Σ W², with dropout masks given per layer.
   */
  double loss(double[] p, float[] x, float[] y, float[] sw, int rows, float[][] masks) {
    double total = 0;
    double weightSum = 0;
    int nIn = layers.get(0).inputDim();
    for (int r = 0; r < rows; r++) {
      double[] a = new double[nIn];
      for (int j = 0; j < nIn; j++) {
        a[j] = x[r * nIn + j];
      }
      double[] z = a;
      for (int i = 0; i < layers.size(); i++) {
        LayerSpec spec = layers.get(i);
        if (spec instanceof DenseSpec d) {
          z = new double[d.units()];
          for (int o = 0; o < d.units(); o++) {
            double s = layout.biasOffset(i) >= 0 ? p[layout.biasOffset(i) + o] : 0;
            for (int k = 0; k < d.inputDim(); k++) {
              s += a[k] * p[layout.kernelOffset(i) + k * d.units() + o];
            }
            z[o] = s;
          }
          a = activate(d.activation(), z);
        } else {
          double[] next = new double[a.length];
          for (int j = 0; j < a.length; j++) {
            next[j] = a[j] * masks[i][r * a.length + j];
          }
          a = next;
        }
      }
      double weight = sw == null ? 1 : sw[r];
      total += weight * exampleLoss(z, a, y, r);
      weightSum += weight;
    }
    total /= weightSum;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d && d.l2() > 0) {
        for (int k = 0; k < d.inputDim() * d.units(); k++) {
          double w = p[layout.kernelOffset(i) + k];
          total += d.l2() * w * w;
        }
      }
    }
    return total;
  }

  private double exampleLoss(double[] z, double[] a, float[] y, int r) {
    int c = a.length;
    double eps = 1e-7;
    switch (loss) {
      case CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY: {
        double s = 0;
        for (int j = 0; j < c; j++) {
          double t = loss.sparseLabels() ? ((int) y[r] == j ? 1 : 0) : y[r * c + j];
          s -= t * Math.log(Math.min(Math.max(a[j], eps), 1 - eps));
        }
        return s;
      }
      case BINARY_CROSSENTROPY: {
        double s = 0;
        for (int j = 0; j < c; j++) {
          double t = y[r * c + j];
          double q = Math.min(Math.max(a[j], eps), 1 - eps);
          s -= t * Math.log(q) + (1 - t) * Math.log(1 - q);
        }
        return s / c;
      }
      case MSE: {
        double s = 0;
        for (int j = 0; j < c; j++) {
          s += (a[j] - y[r * c + j]) * (a[j] - y[r * c + j]);
        }
        return s / c;
      }
      case MAE: {
        double s = 0;
        for (int j = 0; j < c; j++) {
          s += Math.abs(a[j] - y[r * c + j]);
        }
        return s / c;
      }
      default:
        throw new AssertionError(loss);
    }
  }

  static double[] activate(Activation act, double[] z) {
    double[] a = new double[z.length];
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double v : z) {
      max = Math.max(max, v);
    }
    for (double v : z) {
      sum += Math.exp(v - max);
    }
    for (int j = 0; j < z.length; j++) {
      double v = z[j];
      double sig = 1 / (1 + Math.exp(-v));
      a[j] = switch (act) {
        case LINEAR -> v;
        case RELU -> Math.max(v, 0);
        case SIGMOID -> sig;
        case TANH -> Math.tanh(v);
        case SOFTMAX -> Math.exp(v - max) / sum;
        case LEAKY_RELU -> v >= 0 ? v : 0.2 * v;
        case ELU -> v > 0 ? v : Math.expm1(v);
        case GELU -> v * 0.5 * (1 + erf(v / Math.sqrt(2)));
        case SWISH -> v * sig;
      };
    }
    return a;
  }

  /** erf by its Maclaurin series (|x| small) or continued fraction, independent of Special. */
  static double erf(double x) {
    double ax = Math.abs(x);
    double r;
    if (ax < 3) {
      double term = ax;
      double s = ax;
      for (int n = 1; n < 200; n++) {
        term *= -ax * ax / n;
        s += term / (2 * n + 1);
      }
      r = 2 / Math.sqrt(Math.PI) * s;
    } else {
      double f = 0;
      for (int n = 60; n >= 1; n--) {
        f = n / 2.0 / (ax + f);
      }
      r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
    }
    return x >= 0 ? r : -r;
  }
}
