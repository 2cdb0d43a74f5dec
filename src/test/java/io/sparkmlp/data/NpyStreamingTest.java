package io.sparkmlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files larger than the read buffer, in both memory orders, against values computed from the
 * element's C-order position: v(r, c) = r * 1000 + c + 0.5.
 */
class NpyStreamingTest {
  @TempDir
  Path dir;

  @Test
  void cOrderFloat64AcrossChunks() throws IOException {
    // 1201 x 301 x 8 bytes = 2.9 MB: chunk boundaries fall mid-row.
    check(Npy.read(write("c.npy", "<f8", ByteOrder.LITTLE_ENDIAN, false, 1201, 301)), 1201, 301);
  }

  @Test
  void fortranOrderBigEndianAcrossChunks() throws IOException {
    check(Npy.read(write("f.npy", ">f8", ByteOrder.BIG_ENDIAN, true, 997, 263)), 997, 263);
  }

  @Test
  void fortranOrderFourDimensions() throws IOException {
    // Shape (7, 3, 5, 2): Fortran index (i0, i1, i2, i3) sits at i0 + 7*(i1 + 3*(i2 + 5*i3)).
    int[] d = {7, 3, 5, 2};
    ByteBuffer b = ByteBuffer.allocate(7 * 30 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i3 = 0; i3 < d[3]; i3++) {
      for (int i2 = 0; i2 < d[2]; i2++) {
        for (int i1 = 0; i1 < d[1]; i1++) {
          for (int i0 = 0; i0 < d[0]; i0++) {
            b.putInt(i0 * 1000 + (i1 * 10 + i2 * 2 + i3));  // row * 1000 + C-order column
          }
        }
      }
    }
    Path p = TestFiles.writeNpy(dir.resolve("f4d.npy"), "<i4", true, "(7, 3, 5, 2)", b.array());
    Matrix m = Npy.read(p);
    assertEquals(7, m.rows());
    assertEquals(30, m.cols());
    for (int r = 0; r < 7; r++) {
      for (int c = 0; c < 30; c++) {
        assertEquals(r * 1000 + c, m.get(r, c), "row " + r + ", column " + c);
      }
    }
  }

  /** 60000 x 784 float64 (376 MB), as a Keras user saves MNIST; run with -Dsparkmlp.perf=true. */
  @Test
  @EnabledIfSystemProperty(named = "sparkmlp.perf", matches = "true")
  void mnistSizedFloat64ReadsInWellUnderTwoSeconds() throws IOException {
    Path p = write("big.npy", "<f8", ByteOrder.LITTLE_ENDIAN, false, 60000, 784);
    Npy.read(p);  // warm up the JIT and the page cache
    long start = System.nanoTime();
    Matrix m = Npy.read(p);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("read 60000 x 784 float64 in %.3f s%n", seconds);
    check(m, 60000, 784);
    assertTrue(seconds < 1.0, "took " + seconds + " s");
  }

  private static void check(Matrix m, int rows, int cols) {
    assertEquals(rows, m.rows());
    assertEquals(cols, m.cols());
    float[] v = m.values();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float expected = (float) (r * 1000.0 + c + 0.5);
        if (v[r * cols + c] != expected) {  // assert only on failure: 47 million values
          assertEquals(expected, v[r * cols + c], "row " + r + ", column " + c);
        }
      }
    }
  }

  /** Writes a (rows, cols) float64 file in the given order, streaming it in 1 MiB pieces. */
  private Path write(String name, String descr, ByteOrder order, boolean fortran, int rows,
                     int cols) throws IOException {
    Path p = dir.resolve(name);
    String dict = String.format("{'descr': '%s', 'fortran_order': %s, 'shape': (%s, %s), }",
        descr, fortran ? "True" : "False", rows, cols);
    TestFiles.writeNpy(p, 1, dict + " ".repeat(60) + "\n", new byte[0]);
    try (FileChannel out = FileChannel.open(p, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20).order(order);
      long n = (long) rows * cols;
      for (long i = 0; i < n; i++) {
        long r = fortran ? i % rows : i / cols;
        long c = fortran ? i / rows : i % cols;
        buf.putDouble(r * 1000.0 + c + 0.5);
        if (!buf.hasRemaining() || i == n - 1) {
          buf.flip();
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          buf.clear();
        }
      }
    }
    return p;
  }
}
