package io.sparkmlp.examples;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.util.Seeds;
import java.util.SplittableRandom;

/**
 * The founding example's data: {@code n} examples of 100 standard-normal features, each
 * labelled by a fixed random linear rule, class = argmax(x · R) with R (100, 10) drawn from the
 * seed, as one-hot rows. Learnable by construction; a 100-64-10 network fits it.
 */
public final class SeedData {
  public static final int FEATURES = 100;
  public static final int CLASSES = 10;

  private SeedData() {}

  /** Features (n, 100) and one-hot labels (n, 10). */
  public static Matrix[] generate(int n, long seed) {
    SplittableRandom ruleRng = new SplittableRandom(Seeds.mix(seed, 1));
    double[] rule = new double[FEATURES * CLASSES];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = gaussian(ruleRng);
    }
    SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, 2));
    float[] x = new float[n * FEATURES];
    float[] y = new float[n * CLASSES];
    double[] scores = new double[CLASSES];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < FEATURES; j++) {
        x[r * FEATURES + j] = (float) gaussian(rng);
      }
      java.util.Arrays.fill(scores, 0);
      for (int j = 0; j < FEATURES; j++) {
        double v = x[r * FEATURES + j];
        for (int c = 0; c < CLASSES; c++) {
          scores[c] += v * rule[j * CLASSES + c];
        }
      }
      int best = 0;
      for (int c = 1; c < CLASSES; c++) {
        if (scores[c] > scores[best]) {
          best = c;
        }
      }
      y[r * CLASSES + best] = 1f;
    }
    return new Matrix[] {new Matrix(x, n, FEATURES), new Matrix(y, n, CLASSES)};
  }

  private static double gaussian(SplittableRandom rng) {
    double u1;
    do {
      u1 = rng.nextDouble();
    } while (u1 == 0.0);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
