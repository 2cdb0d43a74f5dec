package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.util.Checks;
import java.util.List;

/**
 * Where one set of examples (training, validation or test) is read from. Which keys apply
 * depends on {@code data.format} ({@link DataFormat#requiredKeys()}); the others stay unset.
 * Relative paths are resolved against the working directory, not the configuration file, as
 * spark-submit resolves them; any Hadoop path ({@code hdfs:}, {@code file:}) works where the
 * format is read by the executors.
 */
@JsonClassDescription("One set of examples. The keys that apply depend on data.format: npy "
    + "and idx read x and y; csv, libsvm and parquet read path and their own columns.")
public record DataSourceConfig(
    @JsonPropertyDescription("features file (npy, idx)")
    String x,
    @JsonPropertyDescription("labels/targets file (npy, idx)")
    String y,
    @JsonPropertyDescription("the file or directory (csv, libsvm, parquet)")
    String path,
    @JsonPropertyDescription("feature columns, in order (csv); unset, all columns but the label")
    List<String> features,
    @JsonPropertyDescription("the vector or array column holding the features (parquet); unset, "
        + DistributedOptions.DEFAULT_FEATURES_COL)
    String featuresCol,
    @JsonPropertyDescription("the label column: a class index, a regression target, or a vector "
        + "(csv, parquet); unset, " + DistributedOptions.DEFAULT_LABEL_COL)
    String label,
    @JsonPropertyDescription("whether the first row names the columns (csv); without one they "
        + "are _c0, _c1, ...")
    Boolean header,
    @JsonPropertyDescription("the feature width (libsvm, >= 1); set it so train, validation and "
        + "test agree when the last features are missing from some of them; unset, the largest "
        + "index in the file")
    Integer numFeatures) {

  /** Whether a CSV file has a header row unless the configuration says otherwise. */
  public static final boolean DEFAULT_HEADER = true;

  public DataSourceConfig {
    features = features == null ? null : List.copyOf(features);
    Checks.argument(numFeatures == null || numFeatures >= 1, "num_features must be >= 1, got %s",
        numFeatures);
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
