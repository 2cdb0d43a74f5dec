package io.sparkmlp.spark.source;

import static io.sparkmlp.spark.source.SourceAsserts.assertBalanced;
import static io.sparkmlp.spark.source.SourceAsserts.assertBlocks;
import static io.sparkmlp.testing.Expect.assertFailsInChain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.JobCounter;
import io.sparkmlp.spark.SparkTestSession;
import io.sparkmlp.spark.TrainingBlocks;


import io.sparkmlp.data.Idx;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Scaling;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link IdxSource}: plain files read by seeking, gzip files by decompressing and skipping;
 * either way the blocks, concatenated by partition, are exactly {@link Idx#read}'s rows.
 */
class IdxSourceTest {
  private static final int ROWS = 31;
  private static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

  @TempDir
  static Path dir;

  /** Images (31, 3, 2) of u8 and labels (31,) of u8, plain or gzip. */
  private static Path[] files(boolean gzip) throws IOException {
    Path x = dir.resolve("images" + (gzip ? ".gz" : ""));
    Path y = dir.resolve("labels" + (gzip ? ".gz" : ""));
    if (!Files.exists(x)) {
      byte[] pixels = new byte[ROWS * 6];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (byte) (i * 37 % 256);
      }
      byte[] labels = new byte[ROWS];
      for (int r = 0; r < ROWS; r++) {
        labels[r] = (byte) (r % 10);
      }
      write(x, gzip, new int[] {ROWS, 3, 2}, pixels);
      write(y, gzip, new int[] {ROWS}, labels);
    }
    return new Path[] {x, y};
  }

  @ParameterizedTest
  @CsvSource({"false, 1", "false, 2", "false, 3", "false, 7", "false, 50", "true, 1", "true, 2",
      "true, 3", "true, 7", "true, 50"})
  void blocksHoldTheFileRowsInOrder(boolean gzip, int partitions) throws IOException {
    Path[] f = files(gzip);
    assertBalanced(assertBlocks(IdxSource.blocks(SparkTestSession.jsc(), f[0].toString(),
        f[1].toString(), partitions), partitions, Idx.read(f[0]), Idx.read(f[1])), 1);
  }

  @Test
  void divisorRoundsAsScalingDivide() throws IOException {
    Path[] f = files(true);
    assertBlocks(IdxSource.blocks(SparkTestSession.jsc(), f[0].toString(), f[1].toString(), 3,
        Scaling.PIXEL_MAX), 3, Scaling.divide(Idx.read(f[0]), Scaling.PIXEL_MAX),
        Idx.read(f[1]));
    assertFailsInChain(() -> IdxSource.blocks(SparkTestSession.jsc(), f[0].toString(),
        f[1].toString(), 3, 0f), "divisor must be finite and nonzero, got 0.0");
  }

  @Test
  void fashionMnistGzipOnTheExecutors() {
    Path x = FASHION_MNIST.resolve("train-images-idx3-ubyte.gz");
    Path y = FASHION_MNIST.resolve("train-labels-idx1-ubyte.gz");
    Assumptions.assumeTrue(Files.exists(x), "Fashion-MNIST is not installed here");
    JavaSparkContext jsc = SparkTestSession.jsc();
    long t0 = System.nanoTime();
    TrainingBlocks blocks = TrainingBlocks.prepare(IdxSource.blocks(jsc, x.toString(),
        y.toString(), 0, Scaling.PIXEL_MAX), SourceAsserts.classifier(784, 10), "fashion-mnist");
    long t1 = System.nanoTime();
    Matrix xs = Scaling.divide(Idx.read(x), Scaling.PIXEL_MAX);
    Matrix ys = Idx.read(y);
    long t2 = System.nanoTime();
    System.out.printf("Fashion-MNIST train: IdxSource + prepare on %s partitions %.2f s, "
        + "Idx.read on the driver %.2f s%n", blocks.numPartitions(), (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    assertEquals(60000, blocks.rows());
    // Hashes of each block's bits against the driver's rows [p·N/P, (p+1)·N/P): comparing
    // without collecting 188 MB.
    List<int[]> hashes = blocks.blocks().map(b -> new int[] {b.partition(), b.rows(),
        Arrays.hashCode(b.x()), Arrays.hashCode(b.y())}).collect();
    int parts = blocks.numPartitions();
    for (int[] h : hashes) {
      int from = h[0] * 60000 / parts;
      int to = (h[0] + 1) * 60000 / parts;
      assertArrayEquals(new int[] {h[0], to - from, Arrays.hashCode(xs.slice(from, to).values()),
          Arrays.hashCode(ys.slice(from, to).values())}, h, "block " + h[0]);
    }
    blocks.release();
  }

  @Test
  void badFilesFailOnTheDriverBeforeAnyJob() throws IOException {
    Path[] f = files(false);
    Path[] g = files(true);
    JavaSparkContext jsc = SparkTestSession.jsc();
    JobCounter jobs = JobCounter.start();
    Path missing = dir.resolve("t10k-images-idx3-ubyte.gz");
    assertFailsInChain(() -> IdxSource.blocks(jsc, missing.toString(), f[1].toString(), 2),
        missing + ": no such file: " + missing);
    Path fewer = dir.resolve("fewer");
    write(fewer, false, new int[] {ROWS - 1}, new byte[ROWS - 1]);
    assertFailsInChain(() -> IdxSource.blocks(jsc, g[0].toString(), fewer.toString(), 2),
        g[0] + " has 31 rows but " + fewer + " has 30");
    Path notIdx = SourceAsserts.fixture("f4_c");
    assertFailsInChain(() -> IdxSource.blocks(jsc, notIdx.toString(), f[1].toString(), 2),
        notIdx + ": not an IDX file");
    assertEquals(0, jobs.stop(), "jobs run");
  }

  @Test
  void truncatedGzipFailsInTheTaskThatReadsTheMissingRows() throws IOException {
    Path cut = dir.resolve("cut.gz");
    write(cut, true, new int[] {ROWS, 3, 2}, new byte[ROWS * 6 - 7]);  // the last 2 rows short
    Path[] f = files(true);
    JavaSparkContext jsc = SparkTestSession.jsc();
    assertFailsInChain(() -> IdxSource.blocks(jsc, cut.toString(), f[1].toString(), 3).count(),
        cut + ": file is truncated: header says shape (31, 3, 2) of u8, but the data ends "
        + "before row 31 (reading rows [20, 31), after gzip decompression)");
  }

  /** An IDX file of u8 elements, gzip-compressed when asked. */
  private static void write(Path path, boolean gzip, int[] dims, byte[] data)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    byte[] bytes = b.put(data).array();
    if (gzip) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(out)) {
        z.write(bytes);
      }
      bytes = out.toByteArray();
    }
    Files.write(path, bytes);
  }
}
