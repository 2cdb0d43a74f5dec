package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StandardScalerTest {
  // Column 0: mean 2, population std sqrt(2/3); column 1: mean 30, std sqrt(1400/3);
  // column 2 is constant.
  static final Matrix X = Matrix.of(new float[] {1, 10, 5}, new float[] {2, 20, 5},
      new float[] {3, 60, 5});

  @Test
  void fitsMeanAndPopulationStd() {
    StandardScaler s = StandardScaler.fit(X);
    assertArrayEquals(new float[] {2, 30, 5}, s.mean());
    assertArrayEquals(new float[] {(float) Math.sqrt(2.0 / 3), (float) Math.sqrt(1400.0 / 3), 1},
        s.std(), 1e-6f);
    assertEquals(3, s.cols());
  }

  @Test
  void transformsHandComputedValues() {
    Matrix z = StandardScaler.fit(X).transform(X);
    float[] expected = {
        -1.2247449f, -0.9258201f, 0,
        0, -0.4629100f, 0,
        1.2247449f, 1.3887301f, 0};
    assertArrayEquals(expected, z.values(), 1e-6f);
    assertEquals(3, z.rows());
    assertEquals(3, z.cols());
  }

  @Test
  void constantColumnMapsToZeroDespiteRounding() {
    float[] v = new float[1000];
    Arrays.fill(v, 0.1f);  // summing 0.1f 1000 times in double is not exactly 100 * 0.1f
    Matrix x = new Matrix(v, 1000, 1);
    StandardScaler s = StandardScaler.fit(x);
    assertArrayEquals(new float[] {0.1f}, s.mean());
    assertArrayEquals(new float[] {1f}, s.std());
    assertEquals(0f, s.transform(x).get(999, 0));
  }

  @Test
  void savedStatisticsGiveTheSameTransform() {
    StandardScaler fitted = StandardScaler.fit(X);
    StandardScaler restored = new StandardScaler(fitted.mean(), fitted.std());
    assertArrayEquals(fitted.transform(X).values(), restored.transform(X).values());
  }

  @Test
  void accessorsReturnCopies() {
    StandardScaler s = StandardScaler.fit(X);
    s.mean()[0] = 99;
    s.std()[0] = 99;
    assertEquals(2f, s.mean()[0]);
    assertEquals((float) Math.sqrt(2.0 / 3), s.std()[0], 1e-6f);
  }

  @Test
  void errors() {
    StandardScaler s = StandardScaler.fit(X);
    assertFails(() -> s.transform(Matrix.zeros(2, 4)),
        "the scaler was fitted on 3 columns, got a matrix with 4");
    assertFails(() -> new StandardScaler(new float[] {0, 0}, new float[] {1, 0}),
        "std of column 1 is 0.0; expected a finite number > 0");
    assertFails(() -> new StandardScaler(new float[] {0}, new float[] {1, 1}),
        "mean has 1 values and std 2");
    assertFails(() -> StandardScaler.fit(Matrix.of(new float[] {1}, new float[] {Float.NaN})),
        "data passed to StandardScaler.fit: row 1, column 0 is NaN");
    assertFails(() -> StandardScaler.fit(Matrix.zeros(0, 2)), "0 rows");
  }
}
