package io.sparkmlp.cli;

import io.sparkmlp.spark.source.DataFormat;
import io.sparkmlp.spark.source.DataSourceConfig;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The data options of evaluate and predict: one source, described on the command line. */
final class DataOptions {
  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "npy, csv, libsvm, parquet or idx")
  String format;

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "features file (npy, idx) or the data file/directory (csv, libsvm, parquet)")
  String data;

  @Option(names = "--labels", paramLabel = "PATH", description = "labels file (npy, idx)")
  String labels;

  @Option(names = "--features-col", paramLabel = "COL",
      description = "features column (parquet; default: features)")
  String featuresCol;

  @Option(names = "--label-col", paramLabel = "COL",
      description = "label column (csv, parquet; default: label)")
  String labelCol;

  @Option(names = "--no-header", description = "the CSV file has no header row")
  boolean noHeader;

  @Option(names = "--partitions", defaultValue = "0",
      description = "Spark partitions (0: the cluster's total cores)")
  int partitions;

  DataFormat dataFormat() {
    for (DataFormat f : DataFormat.values()) {
      if (f.yamlName().equals(format.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("--format '" + format + "' is not one of npy, csv, "
        + "libsvm, parquet, idx");
  }

  /**
   * The source; without labels (prediction on npy/idx) the features file stands in for them,
   * since the readers pair every row with a target and predict never looks at it.
   */
  DataSourceConfig source(boolean labelsRequired) {
    DataFormat f = dataFormat();
    if ((f == DataFormat.NPY || f == DataFormat.IDX) && labels == null && labelsRequired) {
      throw new IllegalArgumentException("--labels is required with --format " + format);
    }
    String y = labels != null ? labels : data;
    return switch (f) {
      case NPY -> new DataSourceConfig.Npy(data, y);
      case IDX -> new DataSourceConfig.Idx(data, y);
      case CSV -> new DataSourceConfig.Csv(data, null, labelCol, noHeader ? false : null);
      case LIBSVM -> new DataSourceConfig.Libsvm(data, null);
      case PARQUET -> new DataSourceConfig.Parquet(data, featuresCol, labelCol);
    };
  }
}
