package io.sparkmlp.spark.source;

import static io.sparkmlp.spark.source.SourceAsserts.assertBalanced;
import static io.sparkmlp.spark.source.SourceAsserts.collect;
import static io.sparkmlp.testing.Expect.assertFailsInChain;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.JobCounter;
import io.sparkmlp.spark.SparkTestSession;
import io.sparkmlp.spark.TrainingBlocks;


import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link DataFrameSource} on every accepted column type, from a local DataFrame and from
 * parquet; blocks hold each input partition's rows in order, spread evenly over the target
 * partitions (see {@link Rebalance}); bad schemas fail before any job, bad rows name the row.
 */
class DataFrameSourceTest {
  private static final int ROWS = 29;
  private static final int D = 5;
  private static final int CLASSES = 3;

  @TempDir
  static Path dir;

  private static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.IntegerType, false)
      .add("vec", SQLDataTypes.VectorType())
      .add("sparse", SQLDataTypes.VectorType())
      .add("farr", DataTypes.createArrayType(DataTypes.FloatType, false))
      .add("darr", DataTypes.createArrayType(DataTypes.DoubleType, true))
      .add("label", DataTypes.IntegerType)
      .add("dlabel", DataTypes.DoubleType)
      .add("llabel", DataTypes.LongType)
      .add("declabel", DataTypes.createDecimalType(10, 2))
      .add("onehot", DataTypes.createArrayType(DataTypes.FloatType, false))
      .add("vlabel", SQLDataTypes.VectorType())
      .add("name", DataTypes.StringType);

  /** Row r's features: about a third zero, so the sparse column has something to skip. */
  static float[] features(int r) {
    float[] x = new float[D];
    for (int c = 0; c < D; c++) {
      x[c] = (r + c) % 3 == 0 ? 0f : r * 0.5f + c;
    }
    return x;
  }

  static Row row(int r, float[] x, Integer label) {
    double[] dx = new double[x.length];
    Double[] boxed = new Double[x.length];
    int nonZero = 0;
    for (int c = 0; c < x.length; c++) {
      dx[c] = x[c];
      boxed[c] = (double) x[c];
      nonZero += x[c] != 0 ? 1 : 0;
    }
    int[] idx = new int[nonZero];
    double[] vals = new double[nonZero];
    for (int c = 0, k = 0; c < x.length; c++) {
      if (x[c] != 0) {
        idx[k] = c;
        vals[k++] = x[c];
      }
    }
    int y = label == null ? 0 : label;
    float[] onehot = new float[CLASSES];
    onehot[y] = 1;
    double[] vonehot = new double[CLASSES];
    vonehot[y] = 1;
    return RowFactory.create(r, Vectors.dense(dx), Vectors.sparse(x.length, idx, vals), x,
        boxed, label, label == null ? null : (double) y, (long) y, new BigDecimal(y + ".00"),
        onehot, Vectors.dense(vonehot), "row " + r);
  }

  static Dataset<Row> frame() {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      rows.add(row(r, features(r), r % CLASSES));
    }
    return SparkTestSession.get().createDataFrame(rows, SCHEMA);
  }

  @ParameterizedTest
  @CsvSource({"vec, label, 1", "vec, label, 2", "sparse, dlabel, 3", "farr, llabel, 7",
      "darr, declabel, 2", "farr, onehot, 3", "vec, vlabel, 40", "sparse, label, 0"})
  void everyColumnTypeGivesTheSameBlocks(String xCol, String yCol, int partitions) {
    Dataset<Row> df = frame();
    int p = partitions > 0 ? partitions : SparkTestSession.jsc().defaultParallelism();
    assertRows(df, DataFrameSource.blocks(df, xCol, yCol, partitions), p, yCol.endsWith("label")
        && !yCol.equals("vlabel") ? 1 : CLASSES);
  }

  @ParameterizedTest
  @CsvSource({"1", "3"})
  void parquetRoundTrip(int partitions) {
    String path = dir.resolve("frame.parquet").toString();
    if (!new java.io.File(path).exists()) {
      frame().repartition(3).write().parquet(path);
    }
    Dataset<Row> df = SparkTestSession.get().read().parquet(path);
    assertRows(df, DataFrameSource.blocks(df, "vec", "label", partitions), partitions, 1);
    assertRows(df, DataFrameSource.blocks(df, "darr", "onehot", partitions), partitions,
        CLASSES);
  }

  @Test
  void schemaErrorsComeBeforeAnyJob() {
    Dataset<Row> df = frame();
    JobCounter jobs = JobCounter.start();
    assertFailsInChain(() -> DataFrameSource.blocks(df, "feats", "label", 2), "column 'feats' not "
        + "found; the DataFrame has columns: id, vec, sparse, farr, darr, label, dlabel, llabel, "
        + "declabel, onehot, vlabel, name");
    assertFailsInChain(() -> DataFrameSource.blocks(df, "vec", "Label", 2),
        "column 'Label' not found");
    assertFailsInChain(() -> DataFrameSource.blocks(df, "name", "label", 2),
        "features column 'name' "
        + "has type string; expected a Vector (org.apache.spark.ml.linalg), array<float> or "
        + "array<double>");
    assertFailsInChain(() -> DataFrameSource.blocks(df, "label", "label", 2), "features column "
        + "'label' has type int; expected a Vector");
    assertFailsInChain(() -> DataFrameSource.blocks(df, "vec", "name", 2),
        "label column 'name' has "
        + "type string; expected a number (class index or target), a Vector "
        + "(org.apache.spark.ml.linalg), array<float> or array<double>");
    Dataset<Row> old = SparkTestSession.get().createDataFrame(List.of(RowFactory.create(
        org.apache.spark.mllib.linalg.Vectors.dense(1, 2), 0)), new StructType()
        .add("f", new org.apache.spark.mllib.linalg.VectorUDT()).add("y", DataTypes.IntegerType));
    assertFailsInChain(() -> DataFrameSource.blocks(old, "f", "y", 2),
        "features column 'f' holds the "
        + "old org.apache.spark.mllib.linalg.Vector; convert it with "
        + "MLUtils.convertVectorColumnsToML(df, \"f\")");
    assertEquals(0, jobs.stop(), "jobs run");
  }

  @Test
  void badRowsNameTheRowAndItsPartition() {
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      rows.add(row(r, r == 17 ? new float[D - 1] : features(r), r % CLASSES));
    }
    Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, SCHEMA).coalesce(1);
    for (String col : new String[] {"vec", "sparse", "farr", "darr"}) {
      assertFailsInChain(() -> DataFrameSource.blocks(df, col, "label", 1).count(),
          "features column '"
          + col + "' has 4 values in row 17 of input partition 0, expected 5 (as the "
          + "DataFrame's first row)");
    }
    rows.set(5, row(5, features(5), null));
    Dataset<Row> nullLabel = SparkTestSession.get().createDataFrame(rows.subList(0, 10), SCHEMA)
        .coalesce(1);
    assertFailsInChain(() -> DataFrameSource.blocks(nullLabel, "vec", "dlabel", 1).count(),
        "label column 'dlabel' is null in row 5 of input partition 0");
    Dataset<Row> nullElement = frame().coalesce(1).selectExpr("id",
        "IF(id = 3, array(1d, 2d, NULL, 4d, 5d), darr) AS darr", "label");
    assertFailsInChain(() -> DataFrameSource.blocks(nullElement, "darr", "label", 1).count(),
        "features column 'darr' has a null element at index 2 in row 3 of input partition 0");
    Dataset<Row> nullFirst = frame().coalesce(1).selectExpr("IF(id = 0, NULL, farr) AS farr",
        "label");
    assertFailsInChain(() -> DataFrameSource.blocks(nullFirst, "farr", "label", 1),
        "features column 'farr' is null in the DataFrame's first row");
  }

  @Test
  void emptyFrameGivesEmptyBlocksThatPrepareRejects() {
    Dataset<Row> empty = frame().filter("id < 0");
    List<Block> blocks = collect(DataFrameSource.blocks(empty, "vec", "label", 3), 3);
    assertEquals(0, blocks.stream().mapToInt(Block::rows).sum());
    assertFailsInChain(() -> TrainingBlocks.prepare(DataFrameSource.blocks(empty, "vec",
        "label", 3),
        SourceAsserts.classifier(D, CLASSES), "training DataFrame"),
        "training DataFrame is empty");
  }

  /**
   * Checks the blocks against the rule of {@link Rebalance}: target j holds, for each input
   * partition i in order, rows [j·n_i/P, (j+1)·n_i/P) of it (all of it when P equals the
   * number of input partitions); rows are found by their id.
   */
  private static void assertRows(Dataset<Row> df, org.apache.spark.api.java.JavaRDD<Block> rdd,
                                 int partitions, int yCols) {
    List<List<Integer>> inputs = SourceAsserts.idsByPartition(df.select("id").javaRDD(),
        r -> r.getInt(0));
    List<List<Integer>> expected = SourceAsserts.expectedIds(inputs, partitions);
    List<Block> blocks = collect(rdd, partitions);
    for (int j = 0; j < partitions; j++) {
      List<Integer> ids = expected.get(j);
      Block b = blocks.get(j);
      assertEquals(ids.size(), b.rows(), "rows of block " + j);
      for (int r = 0; r < b.rows(); r++) {
        int id = ids.get(r);
        assertArrayEquals(features(id), Arrays.copyOfRange(b.x(), r * D, (r + 1) * D),
            "block " + j + " row " + r + " (id " + id + ")");
        float[] y = Arrays.copyOfRange(b.y(), r * yCols, (r + 1) * yCols);
        if (yCols == 1) {
          assertEquals(id % CLASSES, y[0], "label of id " + id);
        } else {
          assertEquals(1f, y[id % CLASSES], "one-hot label of id " + id);
        }
      }
    }
    if (inputs.size() != partitions) {  // rebalanced: within a row per input partition
      assertBalanced(blocks, inputs.size());
    }
  }
}
