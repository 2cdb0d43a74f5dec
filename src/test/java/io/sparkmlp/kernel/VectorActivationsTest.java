package io.sparkmlp.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ReLU backward on the Vector API against the plain loop, bit for bit: odd lengths and offsets, values
 * that stay untouched outside the range, and the special values (NaN, ±0, ±∞).
 */
class VectorActivationsTest {
  private static final float[] SPECIAL = {
      Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
      -Float.MIN_VALUE, 1f, -1f};

  @Test
  void reluBackwardEqualsPlainLoop() {
    assumeTrue(Gemm.VECTORIZED, "jdk.incubator.vector is not in the boot layer");
    SplittableRandom rnd = new SplittableRandom(3);
    for (int n : new int[] {0, 1, 5, 8, 9, 16, 17, 33, 255, 1027}) {
      for (int off : new int[] {0, 3}) {
        float[] z = new float[off + n + 4];
        float[] da = new float[z.length];
        for (int i = 0; i < z.length; i++) {
          z[i] = rnd.nextInt(5) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)]
              : (float) rnd.nextGaussian();
          da[i] = (float) rnd.nextGaussian();
        }
        float[] dz = new float[z.length];
        float[] dzs = new float[z.length];
        VectorActivations.reluBackward(dz, da, z, off, n);
        Activations.reluBackwardScalar(dzs, da, z, off, off + n);
        assertArrayEquals(dzs, dz, "reluBackward n=" + n + " off=" + off);
      }
    }
  }

  @Test
  void reluInPlaceAndItsSpecialValues() {
    float[] z = {Float.NaN, -0f, 0f, -2f, 3f, Float.NEGATIVE_INFINITY, 1f, -1f, 5f, -5f};
    Activations.relu(z, z, 0, z.length);
    assertArrayEquals(new float[] {Float.NaN, 0f, 0f, 0f, 3f, 0f, 1f, 0f, 5f, 0f}, z);
    assertEquals(0, Float.floatToRawIntBits(z[1]), "max(-0, 0) is +0, as Math.max");
    float[] pre = {Float.NaN, -0f, 0f, -2f, 3f, Float.NEGATIVE_INFINITY, 1f, -1f, 5f, -5f};
    float[] d = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f};
    Activations.reluBackward(d, d, pre, 0, d.length);
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f, 5f, 0f, 7f, 0f, 9f, 0f}, d);
  }
}
