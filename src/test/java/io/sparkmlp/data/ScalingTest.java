package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class ScalingTest {

  @Test
  void dividePixelsIntoTheUnitInterval() {
    Matrix pixels = Matrix.of(new float[] {0, 51, 255}, new float[] {128, 1, 254});
    Matrix x = Scaling.divide(pixels, Scaling.PIXEL_MAX);
    // Float division, as NumPy's float32 x / 255: 128/255 rounds to 0.5019608f.
    assertArrayEquals(new float[] {0, 0.2f, 1, 0.5019608f, 1 / 255f, 254 / 255f}, x.values());
    assertEquals(2, x.rows());
    assertEquals(3, x.cols());
    assertNotSame(pixels.values(), x.values());
    assertEquals(51f, pixels.get(0, 1));  // the input is untouched
  }

  @Test
  void scaleMultiplies() {
    Matrix x = Scaling.scale(Matrix.of(new float[] {1, -2}, new float[] {0.5f, 4}), 2f);
    assertArrayEquals(new float[] {2, -4, 1, 8}, x.values());
  }

  @Test
  void errors() {
    assertFails(() -> Scaling.divide(Matrix.zeros(1, 1), 0), "divisor must be finite and nonzero");
    assertFails(() -> Scaling.scale(Matrix.zeros(1, 1), Float.NaN), "scale factor must be finite");
  }
}
