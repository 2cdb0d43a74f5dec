package io.sparkmlp.bench;

import io.sparkmlp.data.Matrix;
import java.util.Random;

/**
 * A small tabular classification set made from a fixed seed, no download: features
 * x ~ N(0, 1)^d, labels from a random teacher network d → h (tanh) → k (argmax), the tanh
 * layer's weights large enough that it saturates, so the class regions are curved and a linear
 * model falls well short of the teacher; then a fraction of the labels replaced by uniformly
 * random classes (label noise), so no learner reaches 100%. Rows are i.i.d., so the first
 * {@code trainRows} rows are the training set and the rest the test set.
 */
final class TeacherData {
  static final int FEATURES = 20;
  static final int CLASSES = 4;
  static final int TEACHER_HIDDEN = 16;
  static final double LABEL_NOISE = 0.05;

  private TeacherData() {}

  /** (xTrain, yTrain, xTest, yTest): labels as class indices (n, 1). */
  static Matrix[] generate(long seed, int trainRows, int testRows) {
    Random rnd = new Random(seed);
    int d = FEATURES;
    int h = TEACHER_HIDDEN;
    int k = CLASSES;
    double[] w1 = gaussian(rnd, d * h, 1.5 / Math.sqrt(d));
    double[] b1 = gaussian(rnd, h, 0.5);
    double[] w2 = gaussian(rnd, h * k, 3.0 / Math.sqrt(h));
    int n = trainRows + testRows;
    float[] x = new float[n * d];
    float[] y = new float[n];
    double[] hidden = new double[h];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        x[r * d + j] = (float) rnd.nextGaussian();
      }
      for (int u = 0; u < h; u++) {
        double s = b1[u];
        for (int j = 0; j < d; j++) {
          s += x[r * d + j] * w1[j * h + u];
        }
        hidden[u] = Math.tanh(s);
      }
      int best = 0;
      double bestLogit = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int u = 0; u < h; u++) {
          s += hidden[u] * w2[u * k + c];
        }
        if (s > bestLogit) {
          bestLogit = s;
          best = c;
        }
      }
      y[r] = rnd.nextDouble() < LABEL_NOISE ? rnd.nextInt(k) : best;
    }
    Matrix xs = new Matrix(x, n, d);
    Matrix ys = new Matrix(y, n, 1);
    return new Matrix[] {xs.slice(0, trainRows), ys.slice(0, trainRows), xs.slice(trainRows, n),
        ys.slice(trainRows, n)};
  }

  private static double[] gaussian(Random rnd, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextGaussian() * scale;
    }
    return v;
  }
}
