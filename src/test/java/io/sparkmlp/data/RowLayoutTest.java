package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Npy#layout}, {@link Idx#layout} and {@link RowLayout#readRows}: every row range of a
 * file reads the same values as reading the whole file, for every fixture NumPy wrote and for
 * plain and gzip IDX files.
 */
class RowLayoutTest {
  @TempDir
  Path dir;

  /** Every fixture, C or Fortran order, of every dtype: each row range reads as Npy.read. */
  @Test
  void everyFixtureReadsTheSameByRange() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(TestFiles.npyFixtures())) {
      fixtures = files.filter(p -> p.toString().endsWith(".npy"))
          .filter(p -> !p.getFileName().toString().startsWith("bad_")).sorted()
          .collect(Collectors.toList());
    }
    int fortran = 0;
    for (Path f : fixtures) {
      Matrix whole = Npy.read(f);
      try (FileChannel ch = FileChannel.open(f)) {
        RowLayout layout = Npy.layout(ch, f.toString());
        assertEquals(whole.rows(), layout.rows(), f.toString());
        assertEquals(whole.cols(), layout.cols(), f.toString());
        assertRangesMatch(whole, layout, ch);
      }
      fortran += f.getFileName().toString().contains("fortran") ? 1 : 0;
    }
    assertTrue(fixtures.size() >= 28 && fortran >= 5, fixtures.size() + " fixtures, " + fortran
        + " in Fortran order");
  }

  @Test
  void npyErrorsNameTheFile() throws IOException {
    for (String bad : new String[] {"bad_truncated", "bad_extra_bytes", "bad_not_npy"}) {
      try (FileChannel ch = FileChannel.open(TestFiles.npy(bad))) {
        String msg = assertFails(() -> Npy.layout(ch, bad + ".npy"), bad + ".npy: ");
        assertTrue(msg.startsWith(bad + ".npy: "), msg);
      }
    }
  }

  @Test
  void idxPlainAndGzipReadTheSameByRange() throws IOException {
    int rows = 37;
    byte[] pixels = new byte[rows * 2 * 3];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7919 % 256);
    }
    for (boolean gzip : new boolean[] {false, true}) {
      Path f = idx("images" + gzip, gzip, new int[] {rows, 2, 3}, pixels);
      Matrix whole = Idx.read(f);
      try (FileChannel ch = FileChannel.open(f)) {
        RowLayout layout = Idx.layout(ch, f.getFileName().toString());
        assertEquals(gzip, layout.gzip());
        assertEquals(rows, layout.rows());
        assertEquals(6, layout.cols());
        assertEquals(16, layout.dataOffset());
        assertEquals("(37, 2, 3)", layout.shapeText());
        assertRangesMatch(whole, layout, ch);
      }
    }
  }

  @Test
  void shortGzipIdxFailsWhenItsLastRowsAreRead() throws IOException {
    Path f = idx("short.gz", true, new int[] {10, 4}, new byte[30]);  // 40 bytes promised
    try (FileChannel ch = FileChannel.open(f)) {
      RowLayout layout = Idx.layout(ch, "short.gz");
      assertEquals(7, layout.readRows(ch, 0, 7).rows());
      assertFails(() -> layout.readRows(ch, 5, 5), "short.gz: file is truncated: header says "
          + "shape (10, 4) of u8, but the data ends before row 10 (reading rows [5, 10), after "
          + "gzip decompression)");
      assertFails(() -> layout.readRows(ch, 9, 1), "short.gz: file is truncated");
    }
    Path plain = idx("short", false, new int[] {10, 4}, new byte[30]);
    try (FileChannel ch = FileChannel.open(plain)) {
      assertFails(() -> Idx.layout(ch, "short"), "short: file is truncated: header says shape "
          + "(10, 4) of u8 = 40 data bytes, file has 30 after the header");
    }
  }

  @Test
  void layoutSurvivesSerialization() throws Exception {
    Path f = idx("s", false, new int[] {3, 2}, new byte[] {1, 2, 3, 4, 5, 6});
    try (FileChannel ch = FileChannel.open(f)) {
      RowLayout layout = Idx.layout(ch, "s");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(layout);
      }
      assertTrue(bytes.size() < 1000, bytes.size() + " bytes");
      RowLayout back;
      try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
          new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        back = (RowLayout) in.readObject();
      }
      assertEquals(Arrays.toString(new float[] {3, 4, 5, 6}),
          Arrays.toString(back.readRows(ch, 1, 2).values()));
      assertFalse(back.gzip());
    }
  }

  /** Every split of the rows into [0, a), [a, b), [b, n) reads what the whole read holds. */
  private static void assertRangesMatch(Matrix whole, RowLayout layout, FileChannel ch)
      throws IOException {
    int n = whole.rows();
    int step = Math.max(1, n / 5);
    for (int a = 0; a <= n; a += step) {
      for (int b = a; b <= n; b += step) {
        int[][] ranges = {{0, a}, {a, b}, {b, n}};
        for (int[] r : ranges) {
          Matrix part = layout.readRows(ch, r[0], r[1] - r[0]);
          TestFiles.assertMatrixEquals(whole.slice(r[0], r[1]), part);
        }
      }
    }
  }

  /** An IDX file of u8 elements with the given dimensions, gzip-compressed when asked. */
  private Path idx(String name, boolean gzip, int[] dims, byte[] data) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length)
        .order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    byte[] bytes = b.array();
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      }
      bytes = out.toByteArray();
    }
    return Files.write(dir.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
  }
}
