package io.sparkmlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared helpers of the data tests: fixture paths, hand-made .npy files, message checks. */
final class TestFiles {
  private TestFiles() {}

  /** src/test/resources/npy, found through the sparkmlp.fixtures property Maven also sets. */
  static Path npyFixtures() {
    return Path.of(System.getProperty("sparkmlp.fixtures", "src/test/resources"), "npy");
  }

  /** The fixture npy/NAME.npy. */
  static Path npy(String name) {
    return npyFixtures().resolve(name + ".npy");
  }

  /** Writes a .npy file with the given version, raw header text (padding included) and data. */
  static Path writeNpy(Path path, int major, String header, byte[] data) {
    byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(12 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(NpyHeader.MAGIC).put((byte) major).put((byte) 0);
    if (major == 1) {
      b.putShort((short) h.length);
    } else {
      b.putInt(h.length);
    }
    b.put(h).put(data);
    return write(path, java.util.Arrays.copyOf(b.array(), b.position()));
  }

  /** A version 1.0 .npy file with the usual dict for descr, fortran_order and shape. */
  static Path writeNpy(Path path, String descr, boolean fortran, String shape, byte[] data) {
    return writeNpy(path, 1, String.format("{'descr': '%s', 'fortran_order': %s, 'shape': %s, }\n",
        descr, fortran ? "True" : "False", shape), data);
  }

  static Path write(Path path, byte[] bytes) {
    try {
      return Files.write(path, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Values 0..n-1 as little- or big-endian doubles. */
  static byte[] doubles(ByteOrder order, double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }

  /** Asserts two matrices have the same shape and bit-identical values. */
  static void assertMatrixEquals(Matrix expected, Matrix actual) {
    assertEquals(expected.rows(), actual.rows(), "rows");
    assertEquals(expected.cols(), actual.cols(), "cols");
    for (int r = 0; r < expected.rows(); r++) {
      for (int c = 0; c < expected.cols(); c++) {
        assertEquals(expected.get(r, c), actual.get(r, c), "row " + r + ", column " + c);
      }
    }
  }
}
