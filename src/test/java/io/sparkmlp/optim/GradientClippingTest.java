package io.sparkmlp.optim;

import static io.sparkmlp.testing.Expect.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GradientClippingTest {

  @Test
  void normAboveThresholdIsScaledDownToIt() {
    float[] g = {3f, 4f};
    assertEquals(5.0, GradientClipping.clipByGlobalNorm(g, 1.0), 1e-12);
    assertArrayEquals(new float[] {0.6f, 0.8f}, g, 1e-7f);
    assertEquals(1.0, GradientClipping.globalNorm(g), 1e-6);
  }

  @Test
  void normBelowOrAtThresholdIsLeftBitForBit() {
    float[] g = {3f, 4f};
    assertEquals(5.0, GradientClipping.clipByGlobalNorm(g, 10.0), 1e-12);
    assertArrayEquals(new float[] {3f, 4f}, g);
    GradientClipping.clipByGlobalNorm(g, 5.0);
    assertArrayEquals(new float[] {3f, 4f}, g);
  }

  @Test
  void globalNormOnOddLengthsMatchesDoubleReference() {
    for (int n : new int[] {0, 1, 3, 4, 7, 101}) {
      float[] g = new float[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        g[i] = (float) Math.sin(i * 1.7 + 0.3) * (i + 1);
        sum += (double) g[i] * g[i];
      }
      assertEquals(Math.sqrt(sum), GradientClipping.globalNorm(g), 1e-12 * (1 + Math.sqrt(sum)));
    }
  }

  @Test
  void rejectsNonPositiveThreshold() {
    assertMessage("clipnorm must be > 0, got 0.0",
        () -> GradientClipping.clipByGlobalNorm(new float[] {1f}, 0));
  }

  @Test
  void optimizersClipBeforeTheUpdate() {
    Sgd clipped = new Sgd(new Sgd.Settings(new ConstantSchedule(1.0), 1.0, null, null));
    float[] w = {0f, 0f};
    clipped.step(w, new float[] {3f, 4f}, clipped.newState(2));
    assertArrayEquals(new float[] {-0.6f, -0.8f}, w, 1e-7f);

    float[] small = {0f, 0f};
    clipped.step(small, new float[] {0.3f, 0.4f}, clipped.newState(2));
    assertArrayEquals(new float[] {-0.3f, -0.4f}, small, 1e-7f);

    Sgd unclipped = new Sgd(1.0);
    float[] free = {0f, 0f};
    unclipped.step(free, new float[] {3f, 4f}, unclipped.newState(2));
    assertArrayEquals(new float[] {-3f, -4f}, free);
    assertEquals(Double.POSITIVE_INFINITY, unclipped.settings().clipnorm());
  }
}
