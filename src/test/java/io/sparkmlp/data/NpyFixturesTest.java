package io.sparkmlp.data;

import static io.sparkmlp.data.TestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every good fixture written by NumPy (scripts/make-npy-fixtures.py) read by {@link Npy} and
 * compared with NumPy's own {@code astype('f4')} view of it, bit for bit.
 */
class NpyFixturesTest {

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesNumpy() throws IOException {
    List<Path> expected;
    try (Stream<Path> files = Files.list(TestFiles.npyFixtures())) {
      expected = files.filter(p -> p.getFileName().toString().endsWith(".expected.txt")).sorted()
          .collect(Collectors.toList());
    }
    assertTrue(expected.size() >= 35, "only " + expected.size() + " fixtures found");
    return expected.stream().map(e -> {
      String name = e.getFileName().toString().replace(".expected.txt", "");
      return DynamicTest.dynamicTest(name, () ->
          TestFiles.assertMatrixEquals(readExpected(e), Npy.read(npy(name))));
    });
  }

  /** The expected.txt format: "rows cols", then one line of values per row. */
  private static Matrix readExpected(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] shape = lines.get(0).trim().split(" ");
    int rows = Integer.parseInt(shape[0]);
    int cols = Integer.parseInt(shape[1]);
    float[] v = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      String[] parts = lines.get(r + 1).trim().split(" ");
      assertEquals(cols, parts.length, file + " line " + (r + 2));
      for (int c = 0; c < cols; c++) {
        v[r * cols + c] = (float) Double.parseDouble(parts[c]);
      }
    }
    return new Matrix(v, rows, cols);
  }

  @Test
  void shapesFollowTheDocumentedRules() {
    assertShape(5, 1, Npy.read(npy("vec_f4")));        // (n,) -> (n, 1)
    assertShape(2, 12, Npy.read(npy("cube_f4_c")));    // (n, d1, d2) -> (n, d1*d2)
    assertShape(2, 24, Npy.read(npy("hyper_i2_fortran")));
    assertShape(1, 1, Npy.read(npy("scalar_f8")));     // 0-d -> (1, 1)
    assertShape(0, 3, Npy.read(npy("empty_rows_f4")));
  }

  @Test
  void fortranOrderReadsAsCOrder() {
    // The same array saved in both memory orders reads the same.
    TestFiles.assertMatrixEquals(Npy.read(npy("f4_c")), Npy.read(npy("f4_fortran")));
    TestFiles.assertMatrixEquals(Npy.read(npy("f8_be")), Npy.read(npy("f8_fortran_be")));
    Matrix cube = Npy.read(npy("cube_f8_fortran"));
    // cube[1, 2, 3] = (12 + 8 + 3) * 0.5 - 3 sits at column 2*4 + 3 of row 1.
    assertEquals(8.5f, cube.get(1, 11));
  }

  @Test
  void handCheckedValues() {
    assertArrayEquals(new float[] {1, 0, 1, 0, 0, 1}, Npy.read(npy("b1")).values());
    assertArrayEquals(new float[] {-128, -1, 0, 1, 100, 127}, Npy.read(npy("i1")).values());
    assertEquals(1.8446744e19f, Npy.read(npy("u8")).get(1, 0));
    assertEquals(4294967295f, Npy.read(npy("u4_be")).get(1, 0));
    assertEquals(Float.POSITIVE_INFINITY, Npy.read(npy("f8_c")).get(1, 0));  // 1e40 overflows
    assertTrue(Float.isNaN(Npy.read(npy("f8_nonfinite")).get(0, 0)));
    assertArrayEquals(new float[] {1, -2, 3, 400, 5, -6},
        Npy.read(npy("handmade_header")).values());
  }

  @Test
  void readAcceptsAStringPath() {
    assertShape(3, 2, Npy.read(npy("v2_f4").toString()));
  }

  private static void assertShape(int rows, int cols, Matrix m) {
    assertEquals(rows, m.rows(), "rows");
    assertEquals(cols, m.cols(), "cols");
  }
}
