package io.sparkmlp.spark.source;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sparkmlp.spark.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads one configured source into blocks, every format in parallel on the executors: npy and
 * idx through ranged reads of the files, csv, libsvm and parquet through Spark's readers.
 */
public final class DataLoader {
  private DataLoader() {}

  /**
   * The source's examples as blocks in about {@code partitions} partitions (0: the cluster's
   * cores); what is wrong with the input is an IllegalArgumentException naming it.
   */
  public static JavaRDD<Block> blocks(SparkSession spark, DataSourceConfig src,
                                      int partitions) {
    try {
      return read(spark, src, partitions);
    } catch (Exception e) {
      // Spark's readers fail on the driver with an AnalysisException for what is the user's
      // input: a path that does not exist, a directory without data, a file without a schema.
      if (e instanceof AnalysisException) {
        String format = src.getClass().getAnnotation(JsonTypeName.class).value();
        throw new IllegalArgumentException(format + " data: " + e.getMessage(), e);
      }
      throw e;  // unchecked: nothing else reaches here
    }
  }

  private static JavaRDD<Block> read(SparkSession spark, DataSourceConfig src, int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    if (src instanceof DataSourceConfig.Npy s) {
      return NpySource.blocks(jsc, s.x(), s.y(), partitions);
    } else if (src instanceof DataSourceConfig.Idx s) {
      return IdxSource.blocks(jsc, s.x(), s.y(), partitions);
    } else if (src instanceof DataSourceConfig.Parquet s) {
      return DataFrameSource.blocks(spark.read().parquet(s.path()), s.featuresCol(), s.label(),
          partitions);
    } else if (src instanceof DataSourceConfig.Libsvm s) {
      TextDataCheck.libsvm(jsc, s.path(), s.numFeatures());
      var reader = spark.read().format("libsvm");
      if (s.numFeatures() != null) {
        reader = reader.option("numFeatures", s.numFeatures().toString());
      }
      return DataFrameSource.blocks(reader.load(s.path()), "features", "label", partitions);
    }
    return csv(spark, (DataSourceConfig.Csv) src, partitions);
  }

  /** CSV columns become a double array of the feature columns and a double label. */
  private static JavaRDD<Block> csv(SparkSession spark, DataSourceConfig.Csv src,
                                    int partitions) {
    List<String> numeric = null;
    if (src.features() != null) {
      numeric = new ArrayList<>(src.features());
      numeric.add(src.label());
    }
    TextDataCheck.csv(JavaSparkContext.fromSparkContext(spark.sparkContext()), src.path(),
        src.header(), numeric);
    Dataset<Row> df = spark.read().option("header", String.valueOf(src.header()))
        .option("inferSchema", "true").option("mode", "FAILFAST").csv(src.path());
    List<String> names = Arrays.asList(df.columns());
    if (!names.contains(src.label())) {
      throw new IllegalArgumentException(src.path() + ": no label column '" + src.label()
          + "'; the file has columns " + String.join(", ", names));
    }
    List<String> features = src.features() != null ? src.features() : new ArrayList<>(names);
    if (src.features() == null) {
      features.remove(src.label());
    }
    List<Column> cols = new ArrayList<>();
    for (String f : features) {
      if (!names.contains(f)) {
        throw new IllegalArgumentException(src.path() + ": no feature column '" + f
            + "'; the file has columns " + String.join(", ", names));
      }
      cols.add(functions.col("`" + f + "`").cast("double"));
    }
    Dataset<Row> two = df.select(functions.array(cols.toArray(new Column[0])).as("features"),
        functions.col("`" + src.label() + "`").cast("double").as("label"));
    return DataFrameSource.blocks(two, "features", "label", partitions);
  }
}
