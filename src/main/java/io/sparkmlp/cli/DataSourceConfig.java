package io.sparkmlp.cli;

import io.sparkmlp.spark.DistributedOptions;
import java.util.List;

/**
 * Where one set of examples (training, validation or test) is read from. Which keys apply
 * depends on {@code data.format} ({@link DataFormat#requiredKeys()}); the others stay unset.
 * Relative paths are resolved against the working directory, not the configuration file, as
 * spark-submit resolves them; any Hadoop path ({@code hdfs:}, {@code file:}) works where the
 * format is read by the executors.
 */
@Section(doc = "One set of examples. The keys that apply depend on data.format: npy and idx read "
    + "x and y; csv, libsvm and parquet read path and their own columns.")
public record DataSourceConfig(
    @Key(name = "x", defaultValue = Key.UNSET,
        doc = "features file (npy, idx)")
    String x,
    @Key(name = "y", defaultValue = Key.UNSET,
        doc = "labels/targets file (npy, idx)")
    String y,
    @Key(name = "path", defaultValue = Key.UNSET,
        doc = "the file or directory (csv, libsvm, parquet)")
    String path,
    @Key(name = "features", defaultValue = Key.UNSET,
        derivedDefault = "all columns but the label",
        doc = "feature columns, in order (csv)")
    List<String> features,
    @Key(name = "features_col", defaultValue = Key.UNSET,
        derivedDefault = DistributedOptions.DEFAULT_FEATURES_COL + " (parquet)",
        doc = "the vector or array column holding the features (parquet)")
    String featuresCol,
    @Key(name = "label", defaultValue = Key.UNSET,
        derivedDefault = DistributedOptions.DEFAULT_LABEL_COL + " (csv, parquet)",
        doc = "the label column: a class index, a regression target, or a vector (csv, parquet)")
    String label,
    @Key(name = "header", defaultValue = Key.UNSET,
        derivedDefault = DataSourceConfig.DEFAULT_HEADER + " (csv)",
        doc = "whether the first row names the columns (csv); without one they are _c0, _c1, ...")
    Boolean header,
    @Key(name = "num_features", defaultValue = Key.UNSET, range = ">= 1",
        derivedDefault = "the largest index in the file",
        doc = "the feature width (libsvm); set it so train, validation and test agree when the "
            + "last features are missing from some of them")
    Integer numFeatures) {

  /** Whether a CSV file has a header row unless the configuration says otherwise. */
  public static final boolean DEFAULT_HEADER = true;

  public DataSourceConfig {
    features = features == null ? null : List.copyOf(features);
  }

  /** This source with the keys that format reads and the file left out set to their defaults. */
  DataSourceConfig withDefaultsFor(DataFormat format) {
    return new DataSourceConfig(x, y, path, features,
        featuresCol == null && format.reads("features_col")
            ? DistributedOptions.DEFAULT_FEATURES_COL : featuresCol,
        label == null && format.reads("label") ? DistributedOptions.DEFAULT_LABEL_COL : label,
        header == null && format.reads("header") ? Boolean.valueOf(DEFAULT_HEADER) : header,
        numFeatures);
  }
}
