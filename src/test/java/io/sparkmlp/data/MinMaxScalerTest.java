package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MinMaxScalerTest {
  // Column 0 spans [1, 3], column 1 spans [-5, 5], column 2 is constant.
  static final Matrix X = Matrix.of(new float[] {1, -5, 4}, new float[] {3, 5, 4},
      new float[] {2, 0, 4});

  @Test
  void mapsOntoUnitIntervalByDefault() {
    MinMaxScaler s = MinMaxScaler.fit(X);
    assertArrayEquals(new float[] {1, -5, 4}, s.dataMin());
    assertArrayEquals(new float[] {3, 5, 4}, s.dataMax());
    assertEquals(MinMaxScaler.DEFAULT_LOW, s.low());
    assertEquals(MinMaxScaler.DEFAULT_HIGH, s.high());
    assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 0.5f, 0.5f, 0}, s.transform(X).values());
  }

  @Test
  void mapsOntoAGivenRangeWithConstantColumnsAtTheLowEnd() {
    MinMaxScaler s = MinMaxScaler.fit(X, -1, 1);
    assertArrayEquals(new float[] {-1, -1, -1, 1, 1, -1, 0, 0, -1}, s.transform(X).values());
  }

  @Test
  void endpointsAreExact() {
    Matrix x = Matrix.of(new float[] {0.1f}, new float[] {0.7f}, new float[] {0.3f});
    Matrix t = MinMaxScaler.fit(x, 0.2f, 0.9f).transform(x);
    assertEquals(0.2f, t.get(0, 0));
    assertEquals(0.9f, t.get(1, 0));
  }

  @Test
  void laterDataOutsideTheFittedRangeIsNotClipped() {
    MinMaxScaler s = MinMaxScaler.fit(X);
    Matrix later = Matrix.of(new float[] {5, -10, 3});
    assertArrayEquals(new float[] {2, -0.5f, 0}, s.transform(later).values());
  }

  @Test
  void savedStatisticsGiveTheSameTransform() {
    MinMaxScaler s = MinMaxScaler.fit(X, -2, 3);
    MinMaxScaler r = new MinMaxScaler(s.dataMin(), s.dataMax(), s.low(), s.high());
    assertArrayEquals(s.transform(X).values(), r.transform(X).values());
    assertEquals(3, r.cols());
  }

  @Test
  void errors() {
    assertFails(() -> MinMaxScaler.fit(X, 1, 1), "target range must be finite with low < high, "
        + "got [1.0, 1.0]");
    assertFails(() -> MinMaxScaler.fit(X).transform(Matrix.zeros(1, 2)),
        "the scaler was fitted on 3 columns, got a matrix with 2");
    assertFails(() -> new MinMaxScaler(new float[] {2}, new float[] {1}, 0, 1),
        "column 0 has min 2.0 and max 1.0");
    assertFails(() -> MinMaxScaler.fit(Matrix.of(new float[] {Float.POSITIVE_INFINITY})),
        "data passed to MinMaxScaler.fit: row 0, column 0 is Infinity");
  }
}
