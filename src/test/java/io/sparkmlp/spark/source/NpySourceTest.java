package io.sparkmlp.spark.source;

import static io.sparkmlp.spark.source.SourceAsserts.assertBalanced;
import static io.sparkmlp.spark.source.SourceAsserts.assertBlocks;
import static io.sparkmlp.testing.Expect.assertFailsInChain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.DistributedTrainer;
import io.sparkmlp.spark.JobCounter;
import io.sparkmlp.spark.SparkTestSession;
import io.sparkmlp.spark.TrainingBlocks;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link NpySource}: executors read their own row ranges, and the blocks, concatenated by
 * partition, are exactly what {@link Npy#read} reads on the driver; bad files fail on the
 * driver before any job.
 */
class NpySourceTest {
  private static final int ROWS = 23;

  @TempDir
  static Path dir;

  /** x (23, 2, 3) as float64 (what np.save writes by default), y (23, 1) as float32. */
  private static Path[] files() {
    Path x = dir.resolve("x_train.npy");
    Path y = dir.resolve("y_train.npy");
    if (!Files.exists(x)) {
      float[] xs = new float[ROWS * 6];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = i * 0.25f - 7;
      }
      float[] ys = new float[ROWS];
      for (int r = 0; r < ROWS; r++) {
        ys[r] = r % 4;
      }
      Npy.writeFloat64(x, new Matrix(xs, ROWS, 6));
      Npy.write(y, new Matrix(ys, ROWS, 1));
    }
    return new Path[] {x, y};
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 40})
  void blocksHoldTheFileRowsInOrder(int partitions) {
    Path[] f = files();
    List<Block> blocks = assertBlocks(NpySource.blocks(SparkTestSession.jsc(), f[0].toString(),
        f[1].toString(), partitions), partitions, Npy.read(f[0]), Npy.read(f[1]));
    assertBalanced(blocks, 1);
  }

  @Test
  void multiDimensionalFixtureAndDefaultParallelism() {
    Path cube = SourceAsserts.fixture("cube_f4_c");   // (2, 3, 4) → rows of 12
    Path hyper = SourceAsserts.fixture("hyper_u1_c"); // (4, 3, 2, 2) of u1 → rows of 12
    JavaSparkContext jsc = SparkTestSession.jsc();
    assertBlocks(NpySource.blocks(jsc, cube.toString(), cube.toString(), 0),
        jsc.defaultParallelism(), Npy.read(cube), Npy.read(cube));
    assertBlocks(NpySource.blocks(jsc, hyper.toString(), hyper.toString(), 3), 3,
        Npy.read(hyper), Npy.read(hyper));
  }

  @Test
  void missingFileFailsOnTheDriverBeforeAnyJob() {
    Path[] f = files();
    String missing = dir.resolve("x_test.npy").toString();
    JobCounter jobs = JobCounter.start();
    assertFailsInChain(() -> NpySource.blocks(SparkTestSession.jsc(), missing, f[1].toString(), 2),
        missing + ": no such file: " + missing);
    assertFailsInChain(() -> NpySource.blocks(SparkTestSession.jsc(), f[0].toString(),
        "no_such_y.npy", 2), "no_such_y.npy: no such file: "
        + Path.of("no_such_y.npy").toAbsolutePath());
    assertFailsInChain(() -> NpySource.blocks(SparkTestSession.jsc(), dir.toString(),
        f[1].toString(), 2), dir + ": is a directory, expected a file");
    assertEquals(0, jobs.stop(), "jobs run");
  }

  @Test
  void symbolicLinkLoopIsNamedAsSuch() throws IOException {
    Path a = dir.resolve("loop_a.npy");
    Path b = dir.resolve("loop_b.npy");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    Path[] f = files();
    assertFailsInChain(() -> NpySource.blocks(SparkTestSession.jsc(), a.toString(), f[1].toString(), 2),
        a + ": a symbolic link that leads nowhere (its target is missing, or links loop): " + a);
  }

  @Test
  void badFilesFailOnTheDriver() {
    Path[] f = files();
    JavaSparkContext jsc = SparkTestSession.jsc();
    JobCounter jobs = JobCounter.start();
    Path cube = SourceAsserts.fixture("cube_f4_c");
    assertFailsInChain(() -> NpySource.blocks(jsc, f[0].toString(), cube.toString(), 2),
        f[0] + " has 23 rows but " + cube + " has 2");
    Path truncated = SourceAsserts.fixture("bad_truncated");
    assertFailsInChain(() -> NpySource.blocks(jsc, truncated.toString(), f[1].toString(), 2),
        truncated + ": file is truncated");
    assertFailsInChain(() -> NpySource.blocks(jsc, f[0].toString(), f[1].toString(), -1),
        "numPartitions must be >= 0");
    assertEquals(0, jobs.stop(), "jobs run");
  }

  /** NumPy's Fortran-order fixtures of every dtype and byte order: the same rows as Npy.read. */
  @ParameterizedTest
  @ValueSource(strings = {"f4_fortran", "f8_fortran_be", "u1_fortran", "cube_f8_fortran",
      "hyper_i2_fortran", "one_row_fortran"})
  void fortranOrderFixturesReadByRange(String name) {
    Path f = SourceAsserts.fixture(name);
    Matrix whole = Npy.read(f);
    for (int partitions = 1; partitions <= whole.rows() + 1; partitions++) {
      assertBlocks(NpySource.blocks(SparkTestSession.jsc(), f.toString(), f.toString(),
          partitions), partitions, whole, whole);
    }
  }

  /** The same values stored in Fortran order train to the same weights, bit for bit. */
  @Test
  void fortranOrderTrainsAsCOrder() throws IOException {
    Path[] c = files();
    Path fortran = dir.resolve("x_fortran.npy");
    FortranNpy.writeFloat64(fortran, Npy.read(c[0]));
    assertArrayEquals(Npy.read(c[0]).values(), Npy.read(fortran).values(), 0f);
    float[] fromC = train(c[0], c[1]);
    float[] fromFortran = train(fortran, c[1]);
    assertArrayEquals(fromC, fromFortran, 0f);
  }

  private static float[] train(Path x, Path y) {
    Sequential m = new Sequential().seed(5).add(new Dense(4, "softmax").inputDim(6))
        .compile("sparse_categorical_crossentropy", "adam");
    JavaSparkContext jsc = SparkTestSession.jsc();
    TrainingBlocks blocks = TrainingBlocks.prepare(NpySource.blocks(jsc, x.toString(),
        y.toString(), 3), m.network(), x.toString());
    try {
      new DistributedTrainer(jsc, m, DistributedOptions.of(FitOptions.builder().batchSize(8)
          .epochs(2).seed(1).verbose(0).build())).fit(blocks, null);
    } finally {
      blocks.release();
    }
    return m.params();
  }

  @Test
  void emptyFilesGiveEmptyBlocksThatPrepareRejects() {
    Path empty = SourceAsserts.fixture("empty_rows_f4");  // (0, 3)
    JavaSparkContext jsc = SparkTestSession.jsc();
    List<Block> blocks = SourceAsserts.collect(
        NpySource.blocks(jsc, empty.toString(), empty.toString(), 3), 3);
    assertEquals(0, blocks.stream().mapToInt(Block::rows).sum());
    assertFailsInChain(() -> TrainingBlocks.prepare(NpySource.blocks(jsc, empty.toString(),
        empty.toString(), 3), SourceAsserts.classifier(3, 2), "empty_rows_f4.npy"),
        "empty_rows_f4.npy is empty");
  }
}
