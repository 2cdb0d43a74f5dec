package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneHotTest {
  static final Matrix LABELS = Matrix.of(new float[] {2}, new float[] {0}, new float[] {1},
      new float[] {2});

  @Test
  void encodes() {
    Matrix y = OneHot.encode(LABELS, 3);
    assertEquals(4, y.rows());
    assertEquals(3, y.cols());
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}, y.values());
    assertArrayEquals(new float[] {0, 0, 1, 0, 0},
        OneHot.encode(Matrix.of(new float[] {2}), 5).values());
  }

  @Test
  void decodeInvertsEncodeAndTakesArgmaxOfProbabilities() {
    assertArrayEquals(LABELS.values(), OneHot.decode(OneHot.encode(LABELS, 3)).values());
    Matrix p = Matrix.of(new float[] {0.1f, 0.7f, 0.2f}, new float[] {0.4f, 0.4f, 0.2f},
        new float[] {-3, -1, -2});
    Matrix d = OneHot.decode(p);
    assertEquals(1, d.cols());
    assertArrayEquals(new float[] {1, 0, 1}, d.values());  // ties go to the first column
  }

  @Test
  void numClassesIsMaxPlusOne() {
    assertEquals(3, OneHot.numClasses(LABELS));
    assertEquals(5, OneHot.numClasses(Matrix.of(new float[] {0}, new float[] {4})));
  }

  @Test
  void errorsNameTheRowAndValue() {
    assertFails(() -> OneHot.encode(LABELS, 2), "label in row 0 is 2.0; labels must be integers "
        + "in [0, 2)");
    Matrix bad = Matrix.of(new float[] {1}, new float[] {1.5f});
    assertFails(() -> OneHot.encode(bad, 3), "label in row 1 is 1.5");
    assertFails(() -> OneHot.numClasses(bad), "label in row 1 is 1.5; labels must be integers "
        + "in [0, infinity)");
    assertFails(() -> OneHot.encode(Matrix.of(new float[] {-1}), 3), "label in row 0 is -1.0");
    assertFails(() -> OneHot.encode(Matrix.of(new float[] {Float.NaN}), 3),
        "label in row 0 is NaN");
    assertFails(() -> OneHot.encode(Matrix.zeros(2, 3), 3), "labels have 3 columns, expected 1");
    assertFails(() -> OneHot.encode(LABELS, 0), "numClasses must be >= 1, got 0");
    assertFails(() -> OneHot.numClasses(Matrix.zeros(0, 1)), "labels have 0 rows");
  }
}
