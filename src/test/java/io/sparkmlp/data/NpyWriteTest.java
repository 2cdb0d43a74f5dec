package io.sparkmlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Npy#write}: NumPy's exact bytes, lossless round trips, atomic replacement. */
class NpyWriteTest {
  @TempDir
  Path dir;

  @Test
  void writesTheBytesNumpyWrites() throws IOException {
    Path numpy = TestFiles.npy("numpy_save_f4");
    Path ours = dir.resolve("ours.npy");
    Npy.write(ours, Npy.read(numpy));
    assertArrayEquals(Files.readAllBytes(numpy), Files.readAllBytes(ours));
  }

  @Test
  void writesTheFloat64BytesNumpyWrites() throws IOException {
    Path numpy = TestFiles.npy("numpy_save_f8");
    Path ours = dir.resolve("ours64.npy");
    Npy.writeFloat64(ours, Npy.read(numpy));
    assertArrayEquals(Files.readAllBytes(numpy), Files.readAllBytes(ours));
  }

  @Test
  void headerIsAlignedAndEndsWithNewline() {
    for (long rows : new long[] {0, 7, 123456789012L}) {
      byte[] h = NpyHeader.encodeV1("<f4", new long[] {rows, 3});
      assertEquals(0, h.length % NpyHeader.ALIGN, "header length " + h.length);
      assertEquals('\n', h[h.length - 1]);
    }
  }

  @Test
  void roundTripIsBitExact() {
    SplittableRandom rng = new SplittableRandom(7);
    float[] v = new float[37 * 11];
    for (int i = 0; i < v.length; i++) {
      v[i] = Float.intBitsToFloat(rng.nextInt());  // every bit pattern, NaN payloads included
    }
    v[0] = -0f;
    v[1] = Float.MIN_VALUE;
    Matrix m = new Matrix(v, 37, 11);
    Path p = dir.resolve("random.npy");
    Npy.write(p, m);
    Matrix back = Npy.read(p);
    assertEquals(37, back.rows());
    assertEquals(11, back.cols());
    for (int i = 0; i < v.length; i++) {
      assertEquals(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(back.values()[i]),
          "value " + i);
    }
  }

  @Test
  void roundTripLargerThanOneChunk() {
    int rows = 1000;
    int cols = 333;  // 1.3 MB: crosses the 1 MiB buffer inside a row
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = i * 0.25f - 7;
    }
    Path p = dir.resolve("large.npy");
    Npy.write(p.toString(), new Matrix(v, rows, cols));
    assertArrayEquals(v, Npy.read(p).values());
  }

  @Test
  void emptyMatrixRoundTrips() {
    Path p = dir.resolve("empty.npy");
    Npy.write(p, Matrix.zeros(0, 4));
    Matrix back = Npy.read(p);
    assertEquals(0, back.rows());
    assertEquals(4, back.cols());
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path p = dir.resolve("model").resolve("x.npy");  // the missing folder is created
    Npy.write(p, Matrix.of(new float[] {1, 2}));
    Npy.write(p, Matrix.of(new float[] {3}, new float[] {4}));
    assertArrayEquals(new float[] {3, 4}, Npy.read(p).values());
    try (Stream<Path> files = Files.list(p.getParent())) {
      List<String> names = files.map(f -> f.getFileName().toString()).collect(Collectors.toList());
      assertEquals(List.of("x.npy"), names);
    }
  }

  @Test
  void failedWriteKeepsTheOldFile() throws IOException {
    Path p = dir.resolve("keep.npy");
    Npy.write(p, Matrix.of(new float[] {5}));
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "not a directory");
    // Writing below a regular file fails; nothing else may change.
    assertThrows(RuntimeException.class,
        () -> Npy.write(blocker.resolve("x.npy"), Matrix.zeros(1, 1)));
    assertArrayEquals(new float[] {5}, Npy.read(p).values());
  }

  @Test
  void filesAreReadableByOthersLikeAnyOtherFile() throws IOException {
    // The temporary file a write starts from is 0600; the issue saw preds.npy and the
    // example's x_train.npy keep that mode after the rename.
    Path f32 = dir.resolve("mode32.npy");
    Path f64 = dir.resolve("mode64.npy");
    Npy.write(f32, Matrix.zeros(2, 3));
    Npy.writeFloat64(f64, Matrix.zeros(2, 3));
    Npy.write(f32, Matrix.zeros(1, 1));  // replacing keeps the mode too
    for (Path p : List.of(f32, f64)) {
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
          p::toString);
    }
  }

  @Test
  void streamWriteGivesTheFileBytes() throws IOException {
    Matrix m = new Matrix(new float[] {1, -2.5f, 3e-7f, Float.MAX_VALUE, 0, 7}, 3, 2);
    Path file = dir.resolve("file.npy");
    Npy.write(file, m);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, m);
    assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
  }
}
