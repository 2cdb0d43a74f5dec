package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mergeable mean/variance accumulator against double two-pass references: a large offset
 * that breaks E[x²] − E[x]², and merges of every kind of split, empty parts included.
 */
class ColumnStatsTest {

  /** n rows of 1e6 plus standard normal noise, rounded to float as a data file holds them. */
  static float[] offsetNoise(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (1e6 + r.nextGaussian());
    }
    return x;
  }

  /** Population variance of one column, two passes in double: the reference. */
  static double twoPassVariance(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v;
    }
    double mean = sum / x.length;
    double squares = 0;
    for (float v : x) {
      squares += (v - mean) * (v - mean);
    }
    return squares / x.length;
  }

  @Test
  void aLargeOffsetBreaksTheTextbookFormulaButNotTheAccumulator() {
    float[] x = offsetNoise(100_000, 42);
    double reference = twoPassVariance(x);
    double sum = 0;
    double sumSquares = 0;
    for (float v : x) {
      sum += v;
      sumSquares += (double) v * v;
    }
    double m = sum / x.length;
    double textbook = sumSquares / x.length - m * m;
    assertTrue(Math.abs(textbook - reference) > 0.1 * reference,
        "E[x^2] - E[x]^2 = " + textbook + " vs " + reference + ": the test needs it wrong");

    ColumnStats block = new ColumnStats(1).add(x, x.length, 1);
    ColumnStats rows = new ColumnStats(1);
    for (float v : x) {
      rows.add(new float[] {v});
    }
    ColumnStats merged = new ColumnStats(1);
    for (int from = 0; from < x.length; from += 7_919) {
      int to = Math.min(x.length, from + 7_919);
      merged.merge(new ColumnStats(1).add(Arrays.copyOfRange(x, from, to), to - from, 1));
    }
    for (ColumnStats s : List.of(block, rows, merged)) {
      assertEquals(reference, s.variance()[0], 1e-9 * reference);
      assertEquals(x.length, s.count());
    }
    float std = StandardScaler.fit(new Matrix(x, x.length, 1)).std()[0];
    assertEquals((float) Math.sqrt(reference), std);
  }

  @Test
  void mergingAnySplitEqualsOneAccumulatorOverAllRows() {
    int rows = 23;
    int cols = 3;
    float[] x = randomRows(rows, cols, 7);
    ColumnStats whole = new ColumnStats(cols).add(x, rows, cols);
    // Every two-way split, the empty halves included.
    for (int cut = 0; cut <= rows; cut++) {
      ColumnStats a = part(x, 0, cut, cols);
      ColumnStats b = part(x, cut, rows, cols);
      assertStatsEqual(whole, a.merge(b), "cut at " + cut);
    }
    // Random splits into up to 6 parts with empty ones, merged left to right and as a tree.
    Random r = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      List<Integer> cuts = new ArrayList<>(List.of(0, rows));
      for (int k = r.nextInt(6); k > 0; k--) {
        cuts.add(r.nextInt(rows + 1));
      }
      cuts.sort(null);
      List<ColumnStats> parts = new ArrayList<>();
      for (int i = 0; i + 1 < cuts.size(); i++) {
        parts.add(part(x, cuts.get(i), cuts.get(i + 1), cols));
      }
      ColumnStats chained = new ColumnStats(cols);
      parts.forEach(chained::merge);
      assertStatsEqual(whole, chained, "chained over " + cuts);
      while (parts.size() > 1) {
        List<ColumnStats> next = new ArrayList<>();
        for (int i = 0; i < parts.size(); i += 2) {
          next.add(i + 1 < parts.size() ? parts.get(i).merge(parts.get(i + 1)) : parts.get(i));
        }
        parts = next;
      }
      assertStatsEqual(whole, parts.get(0), "tree over " + cuts);
    }
  }

  @Test
  void mergingIntoAnEmptyAccumulatorCopiesExactly() {
    float[] x = randomRows(9, 2, 11);
    ColumnStats one = new ColumnStats(2).add(x, 9, 2);
    ColumnStats copy = new ColumnStats(2).merge(one).merge(new ColumnStats(2));
    assertArrayEquals(one.mean(), copy.mean());
    assertArrayEquals(one.variance(), copy.variance());
    assertEquals(9, copy.count());
  }

  @Test
  void handComputedColumns() {
    ColumnStats s = new ColumnStats(3);
    for (float[] row : new float[][] {{1, 10, 5}, {2, 20, 5}, {3, 60, 5}}) {
      s.add(row);
    }
    assertArrayEquals(new double[] {2, 30, 5}, s.mean(), 1e-12);
    assertArrayEquals(new double[] {2.0 / 3, 1400.0 / 3, 0}, s.variance(), 1e-9);
    assertArrayEquals(new double[] {1, 10, 5}, s.min());
    assertArrayEquals(new double[] {3, 60, 5}, s.max());
  }

  @Test
  void survivesJavaSerialization() throws Exception {
    ColumnStats s = new ColumnStats(2).add(randomRows(5, 2, 1), 5, 2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
    }
    ColumnStats back;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ColumnStats) in.readObject();
    }
    assertArrayEquals(s.mean(), back.mean());
    assertArrayEquals(s.variance(), back.variance());
    assertEquals(6, back.add(new float[] {1, 2}).count(), "still accumulates");
  }

  @Test
  void errors() {
    ColumnStats s = new ColumnStats(2);
    assertFails(() -> new ColumnStats(0), "cols must be >= 1, got 0");
    assertFails(() -> s.add(new float[3]), "row has 3 values, expected 2");
    assertFails(() -> s.add(new float[6], 2, 3), "rows have 3 columns, expected 2");
    assertFails(() -> s.add(new float[5], 2, 2), "x has 5 values, expected rows*cols = 2*2");
    assertFails(() -> s.merge(new ColumnStats(3)),
        "cannot merge statistics of 3 columns into 2");
    IllegalStateException e = assertThrows(IllegalStateException.class, s::variance);
    assertTrue(e.getMessage().contains("no rows were added"), e.getMessage());
  }

  private static ColumnStats part(float[] x, int from, int to, int cols) {
    return new ColumnStats(cols).add(Arrays.copyOfRange(x, from * cols, to * cols), to - from,
        cols);
  }

  /** Columns on very different scales and offsets, so that a wrong merge term shows. */
  private static float[] randomRows(int rows, int cols, long seed) {
    Random r = new Random(seed);
    float[] x = new float[rows * cols];
    for (int i = 0; i < x.length; i++) {
      int c = i % cols;
      x[i] = (float) (Math.pow(1000, c) + Math.pow(10, c) * r.nextGaussian());
    }
    return x;
  }

  private static void assertStatsEqual(ColumnStats expected, ColumnStats actual, String what) {
    assertEquals(expected.count(), actual.count(), what);
    assertArrayEquals(expected.min(), actual.min(), what);
    assertArrayEquals(expected.max(), actual.max(), what);
    double[] m = expected.mean();
    double[] v = expected.variance();
    for (int c = 0; c < m.length; c++) {
      assertEquals(m[c], actual.mean()[c], 1e-13 * Math.abs(m[c]) + 1e-13, what);
      assertEquals(v[c], actual.variance()[c], 1e-10 * v[c], what);
    }
  }
}
