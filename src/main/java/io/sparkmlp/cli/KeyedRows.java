package io.sparkmlp.cli;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.source.DataFormat;
import io.sparkmlp.spark.source.DataFrameSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The rows of a csv or parquet input for {@code predict --id-column}, each with a key that
 * travels through the blocks in the label slot, so that its prediction can be joined back to
 * its id whatever the id's type. The key is Spark's {@code monotonically_increasing_id}
 * (partition index in the upper 31 bits, record number in the lower 33); as labels are float32,
 * it travels as three integers each below 2^24, exact in a float: the partition, the record
 * number's bits 20 and up, and its low 20 bits.
 */
final class KeyedRows {
  /** Name of the key column in {@link #ids}. */
  static final String KEY = "__sparkmlp_key";
  private static final long RECORD_BITS = 33;
  private static final long LOW_BITS = 20;

  /** The rows as blocks, labels holding the three parts of each row's key. */
  final JavaRDD<Block> blocks;
  /** (KEY, the id column) for every row. */
  final Dataset<Row> ids;

  private KeyedRows(JavaRDD<Block> blocks, Dataset<Row> ids) {
    this.blocks = blocks;
    this.ids = ids;
  }

  /**
   * Reads the data options' csv or parquet source with its id column. CSV: the features are
   * every column but the id and, when present, the label column; parquet: the features column.
   */
  static KeyedRows read(SparkSession spark, DataOptions data, String idColumn) {
    DataFormat format = data.dataFormat();
    if (format != DataFormat.CSV && format != DataFormat.PARQUET) {
      throw new IllegalArgumentException("--id-column needs csv or parquet input; " + format
          .yamlName() + " rows have no columns to carry, so the row number is their id: the "
          + "'row' column of a .csv or .parquet output, the row index of a .npy output");
    }
    Dataset<Row> df = format == DataFormat.CSV
        ? spark.read().option("header", String.valueOf(!data.noHeader))
            .option("inferSchema", "true").option("mode", "FAILFAST").csv(data.data)
        : spark.read().parquet(data.data);
    List<String> names = Arrays.asList(df.columns());
    if (!names.contains(idColumn)) {
      throw new IllegalArgumentException("--id-column " + idColumn + ": " + data.data
          + " has no such column; it has " + String.join(", ", names));
    }
    Column features;
    if (format == DataFormat.CSV) {
      String label = data.labelCol != null ? data.labelCol : "label";
      List<Column> cols = new ArrayList<>();
      for (String n : names) {
        if (!n.equals(idColumn) && !n.equals(label)) {
          cols.add(quoted(n).cast("double"));
        }
      }
      if (cols.isEmpty()) {
        throw new IllegalArgumentException(data.data + ": no feature columns besides the id "
            + "column " + idColumn);
      }
      features = functions.array(cols.toArray(new Column[0]));
    } else {
      features = quoted(data.featuresCol != null ? data.featuresCol : "features");
    }
    Column key = functions.monotonically_increasing_id();
    Dataset<Row> keyed = df.withColumn(KEY, key);
    Column k = functions.col(KEY);
    Column parts = functions.array(
        functions.shiftright(k, (int) RECORD_BITS).cast("double"),
        functions.shiftright(k.bitwiseAND((1L << RECORD_BITS) - 1), (int) LOW_BITS)
            .cast("double"),
        k.bitwiseAND((1L << LOW_BITS) - 1).cast("double"));
    Dataset<Row> rows = keyed.select(features.as("features"), parts.as("label"));
    JavaRDD<Block> blocks = DataFrameSource.blocks(rows, "features", "label", data.partitions);
    return new KeyedRows(blocks, keyed.select(k, quoted(idColumn)));
  }

  /** The key of a row from the three parts in its label, at y[off..off+2]. */
  static long key(float[] y, int off) {
    return ((long) y[off] << RECORD_BITS) | ((long) y[off + 1] << LOW_BITS) | (long) y[off + 2];
  }

  /** A column by its name as written, dots and backticks included. */
  static Column quoted(String name) {
    return functions.col("`" + name.replace("`", "``") + "`");
  }
}
