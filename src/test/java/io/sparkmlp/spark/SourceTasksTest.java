package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.source.SourceAsserts;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.spark.source.DataFrameSource;
import io.sparkmlp.spark.source.LabeledSample;
import io.sparkmlp.spark.source.MatrixSource;
import io.sparkmlp.spark.source.NpySource;
import io.sparkmlp.spark.source.RddSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.Partition;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasks carry no data (docs/design.md, section 3): after {@link TrainingBlocks#prepare}, what a task of a
 * later job serializes (the RDD, as the task binary, and one partition) is a few kilobytes for
 * every source, its lineage is cut, and jobs run without the source: files may be deleted. The
 * same measure on MatrixSource's raw, unprepared blocks shows the data, so the check has teeth.
 */
class SourceTasksTest {
  private static final int ROWS = 400;
  private static final int D = 50;
  /** Far below the 400·50·4 = 80 kB of features, far above an RDD's own fields. */
  private static final int SMALL_BYTES = 16 << 10;

  @TempDir
  Path dir;

  @Test
  void preparedBlocksCarryNoDataFromAnySource() throws IOException {
    float[] xs = new float[ROWS * D];
    float[] ys = new float[ROWS];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (i % 97) / 97f;
    }
    for (int r = 0; r < ROWS; r++) {
      ys[r] = r % 3;
    }
    Matrix x = new Matrix(xs, ROWS, D);
    Matrix y = new Matrix(ys, ROWS, 1);
    Path xFile = dir.resolve("x.npy");
    Path yFile = dir.resolve("y.npy");
    Npy.write(xFile, x);
    Npy.write(yFile, y);
    JavaSparkContext jsc = SparkTestSession.jsc();
    List<LabeledSample> samples = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      samples.add(new LabeledSample(x.slice(r, r + 1).values(), new float[] {ys[r]}));
    }
    Dataset<Row> df = SparkTestSession.get().createDataFrame(
        jsc.parallelize(samples, 3).map(s -> RowFactory.create(s.features(), s.label()[0])),
        new StructType().add("features", DataTypes.createArrayType(DataTypes.FloatType, false))
            .add("label", DataTypes.FloatType));

    long raw = largestTaskBytes(MatrixSource.blocks(jsc, x, y, 3));
    System.out.printf("matrix, unprepared: a task serializes %d bytes%n", raw);
    assertTrue(raw > ROWS * D * Float.BYTES / 3,
        "the control: parallelized blocks ship inside their partitions");

    check("npy", () -> NpySource.blocks(jsc, xFile.toString(), yFile.toString(), 3));
    check("rdd", () -> RddSource.blocks(jsc.parallelize(samples, 2), 3));
    check("dataframe", () -> DataFrameSource.blocks(df, "features", "label", 3));
    check("matrix", () -> MatrixSource.blocks(jsc, x, y, 3));

    TrainingBlocks fromFiles = TrainingBlocks.prepare(NpySource.blocks(jsc, xFile.toString(),
        yFile.toString(), 3), SourceAsserts.classifier(D, 3), "x.npy");
    Files.delete(xFile);
    Files.delete(yFile);
    double sum = fromFiles.blocks().map(b -> {
      double s = 0;
      for (float v : b.x()) {
        s += v;
      }
      return s;
    }).reduce(Double::sum);
    double expected = 0;
    for (float v : xs) {
      expected += v;
    }
    assertEquals(expected, sum, 1e-6 * expected, "sum of features, files deleted");
    fromFiles.release();
  }

  private static void check(String source, Supplier<JavaRDD<Block>> blocks) {
    TrainingBlocks tb = TrainingBlocks.prepare(blocks.get(), SourceAsserts.classifier(D, 3),
        source);
    RDD<Block> rdd = tb.blocks().rdd();
    assertTrue(rdd.isCheckpointed(), source + ": lineage not cut");
    // Below the blocks themselves (MatrixSource's are a ParallelCollectionRDD, now with
    // checkpoint partitions) only the local checkpoint remains.
    String lineage = rdd.toDebugString();
    String below = lineage.substring(lineage.indexOf('\n') + 1);
    assertFalse(below.contains("ParallelCollectionRDD") || below.contains("MapPartitionsRDD"),
        source + ": " + lineage);
    assertTrue(below.contains("LocalCheckpointRDD"), source + ": " + lineage);
    long bytes = largestTaskBytes(tb.blocks());
    System.out.printf("%s: after prepare a task serializes %d bytes%n", source, bytes);
    assertTrue(bytes < SMALL_BYTES, source + ": a task serializes " + bytes + " bytes");
    assertEquals(ROWS, tb.rows(), source);
    tb.release();
  }

  /** The bytes of the RDD (a task's binary) plus its largest partition (a task's own part). */
  private static long largestTaskBytes(JavaRDD<Block> rdd) {
    long largest = 0;
    for (Partition p : rdd.rdd().partitions()) {
      largest = Math.max(largest, serializedBytes(p));
    }
    return serializedBytes(rdd.rdd()) + largest;
  }

  private static long serializedBytes(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.size();
  }
}
