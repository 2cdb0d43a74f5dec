package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Idx} on files this test writes (plain and gzip) and on Fashion-MNIST when present. */
class IdxTest {
  static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir
  Path dir;

  @Test
  void imagesFlattenAndLabelsBecomeAColumn() {
    // Two 2x3 "images" of u8, values 0..11 and 244..255.
    byte[] pixels = new byte[12];
    for (int i = 0; i < 6; i++) {
      pixels[i] = (byte) i;
      pixels[6 + i] = (byte) (250 + i);
    }
    for (boolean gzip : new boolean[] {false, true}) {
      Matrix images = Idx.read(idx("images" + gzip, gzip, 0x08, new int[] {2, 2, 3}, pixels));
      assertEquals(2, images.rows());
      assertEquals(6, images.cols());
      assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255},
          images.values());
      Matrix labels = Idx.read(idx("labels" + gzip, gzip, 0x08, new int[] {3},
          new byte[] {9, 0, 3}));
      assertEquals(3, labels.rows());
      assertEquals(1, labels.cols());
      assertArrayEquals(new float[] {9, 0, 3}, labels.values());
    }
  }

  @Test
  void everyElementTypeBigEndian() {
    assertArrayEquals(new float[] {-128, 127},
        read(0x09, ByteBuffer.allocate(2).put((byte) -128).put((byte) 127)));
    assertArrayEquals(new float[] {-32768, 300},
        read(0x0B, ByteBuffer.allocate(4).putShort((short) -32768).putShort((short) 300)));
    assertArrayEquals(new float[] {-70000, 16777216},
        read(0x0C, ByteBuffer.allocate(8).putInt(-70000).putInt(16777217)));
    assertArrayEquals(new float[] {0.1f, -2.5f},
        read(0x0D, ByteBuffer.allocate(8).putFloat(0.1f).putFloat(-2.5f)));
    assertArrayEquals(new float[] {(float) Math.PI, Float.POSITIVE_INFINITY},
        read(0x0E, ByteBuffer.allocate(16).putDouble(Math.PI).putDouble(1e300)));
  }

  @Test
  void gzipIsRecognisedByContentNotName() {
    Path misnamed = idx("plain.gz", false, 0x08, new int[] {1}, new byte[] {7});
    Path gz = idx("compressed.idx", true, 0x08, new int[] {1}, new byte[] {8});
    assertArrayEquals(new float[] {7}, Idx.read(misnamed).values());
    assertArrayEquals(new float[] {8}, Idx.read(gz.toString()).values());
  }

  @Test
  void truncatedAndOverlongData() {
    for (boolean gzip : new boolean[] {false, true}) {
      Path shortFile = idx("short" + gzip, gzip, 0x08, new int[] {4, 2, 2}, new byte[10]);
      String msg = assertFails(() -> Idx.read(shortFile), "short" + gzip + ": file is truncated: "
          + "header says shape (4, 2, 2) of u8 = 16 data bytes, file has 10 after the header");
      assertEquals(gzip, msg.contains("(after gzip decompression)"), msg);
      Path longFile = idx("long" + gzip, gzip, 0x0C, new int[] {2}, new byte[12]);
      assertFails(() -> Idx.read(longFile), "long" + gzip + ": file has 4 extra bytes after the "
          + "data the header describes (shape (2,) of i32 = 8 data bytes)");
    }
  }

  @Test
  void cutGzipStream() throws IOException {
    Path whole = idx("whole.gz", true, 0x08, new int[] {1000}, pseudoRandom(1000));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = TestFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));
    assertFails(() -> Idx.read(cut), "cut.gz: file is truncated: the gzip stream ends early");
  }

  @Test
  void badHeaders() {
    Path npy = TestFiles.npy("f4_c");
    assertFails(() -> Idx.read(npy), "f4_c.npy: not an IDX file (it starts with the bytes "
        + "93 4e 55 4d, expected 00 00 <type> <number of dimensions>)");
    Path type = TestFiles.write(dir.resolve("type"), new byte[] {0, 0, 0x0A, 1, 0, 0, 0, 0});
    assertFails(() -> Idx.read(type), "type: unsupported IDX element type 0x0A (supported: "
        + "0x08 u8, 0x09 i8, 0x0B i16, 0x0C i32, 0x0D f32, 0x0E f64)");
    Path noDims = TestFiles.write(dir.resolve("nodims"), new byte[] {0, 0, 8, 0});
    assertFails(() -> Idx.read(noDims), "nodims: the IDX header has 0 dimensions");
    Path cutHeader = TestFiles.write(dir.resolve("cuthead"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1});
    assertFails(() -> Idx.read(cutHeader), "cuthead: file is truncated: it ends inside the "
        + "header, which should hold 3 dimension sizes");
    Path empty = TestFiles.write(dir.resolve("empty"), new byte[0]);
    assertFails(() -> Idx.read(empty), "empty: not an IDX file (the file is empty)");
    Path noCols = idx("nocols", false, 0x08, new int[] {3, 0}, new byte[0]);
    assertFails(() -> Idx.read(noCols), "nocols: shape (3, 0) cannot be a Matrix");
    // A header that lies about a huge shape fails on the file size, before allocating 8 GB.
    Path lies = idx("lies", false, 0x0D, new int[] {2_000_000_000, 1}, new byte[8]);
    assertFails(() -> Idx.read(lies), "lies: file is truncated: header says shape "
        + "(2000000000, 1) of f32 = 8000000000 data bytes, file has 8 after the header");
    Path missing = dir.resolve("train-images-idx3-ubyte.gz");
    assertFails(() -> Idx.read(missing), missing + ": file does not exist");
  }

  @Test
  void fashionMnist() {
    Path train = FASHION_MNIST.resolve("train-images-idx3-ubyte.gz");
    Assumptions.assumeTrue(Files.exists(train), "Fashion-MNIST is not installed here");
    Matrix x = Idx.read(train);
    Matrix y = Idx.read(FASHION_MNIST.resolve("train-labels-idx1-ubyte.gz"));
    Matrix xTest = Idx.read(FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz"));
    Matrix yTest = Idx.read(FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
    assertEquals(60000, x.rows());
    assertEquals(784, x.cols());
    assertEquals(10000, xTest.rows());
    assertEquals(784, xTest.cols());
    DataChecks.requireSameRows(x, y, "train images", "train labels");
    DataChecks.requireSameRows(xTest, yTest, "test images", "test labels");
    assertEquals(10, OneHot.numClasses(y));
    assertEquals(10, OneHot.numClasses(yTest));
    // Each class holds 6000 training images; pixel sums checked against NumPy.
    int[] counts = new int[10];
    for (float label : y.values()) {
      counts[(int) label]++;
    }
    int[] expected = new int[10];
    Arrays.fill(expected, 6000);
    assertArrayEquals(expected, counts);
    assertEquals(9, y.get(0, 0));  // an ankle boot
    assertEquals(3431114169.0, sum(x));
    assertEquals(573469082.0, sum(xTest));
  }

  private static double sum(Matrix m) {
    double s = 0;
    for (float v : m.values()) {
      s += v;
    }
    return s;
  }

  private float[] read(int type, ByteBuffer bigEndianData) {
    return Idx.read(idx("t" + type, false, type, new int[] {2}, bigEndianData.array())).values();
  }

  private static byte[] pseudoRandom(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 2654435761L >>> 13);
    }
    return b;
  }

  /** Writes an IDX file: 00 00 type ndims, big-endian sizes, then data as given. */
  private Path idx(String name, boolean gzip, int type, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    byte[] bytes = b.array();
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bytes = out.toByteArray();
    }
    return TestFiles.write(dir.resolve(name), bytes);
  }
}
