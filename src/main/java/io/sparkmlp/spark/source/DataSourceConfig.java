package io.sparkmlp.spark.source;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.util.Checks;
import java.util.List;

/**
 * Where one set of examples (training, validation or test) is read from: one record per
 * {@code data.format}, each with only the keys its format reads. The loader selects the record
 * by copying {@code data.format} into each source before binding (the CLI's
 * {@code ConfigLoader}).
 * Relative paths are resolved against the working directory, not the configuration file, as
 * spark-submit resolves them; any Hadoop path ({@code hdfs:}, {@code file:}) works where the
 * format is read by the executors.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = DataSourceConfig.FORMAT_KEY)
@JsonSubTypes({@JsonSubTypes.Type(DataSourceConfig.Npy.class),
    @JsonSubTypes.Type(DataSourceConfig.Csv.class),
    @JsonSubTypes.Type(DataSourceConfig.Libsvm.class),
    @JsonSubTypes.Type(DataSourceConfig.Parquet.class),
    @JsonSubTypes.Type(DataSourceConfig.Idx.class)})
public sealed interface DataSourceConfig {
  /** The key of the data section that selects every source's record. */
  String FORMAT_KEY = "format";

  /** NumPy {@code .npy} arrays: features (N, d...) and targets (N,) or (N, k). */
  @JsonTypeName("npy")
  @JsonClassDescription("NumPy .npy files: x (N, d) features, y (N,) labels or (N, k) targets.")
  record Npy(
      @JsonProperty(required = true) @JsonPropertyDescription("the features file") String x,
      @JsonProperty(required = true) @JsonPropertyDescription("the labels/targets file") String y)
      implements DataSourceConfig {}

  /** IDX files, plain or gzip, as MNIST and Fashion-MNIST ship: images (N, ...), labels (N,). */
  @JsonTypeName("idx")
  @JsonClassDescription("IDX files (plain or .gz), as MNIST and Fashion-MNIST ship.")
  record Idx(
      @JsonProperty(required = true) @JsonPropertyDescription("the images file") String x,
      @JsonProperty(required = true) @JsonPropertyDescription("the labels file") String y)
      implements DataSourceConfig {}

  /** Comma-separated text, one example per row, usually with a header row naming the columns. */
  @JsonTypeName("csv")
  @JsonClassDescription("CSV text: one example per row, the label in one column.")
  record Csv(
      @JsonProperty(required = true) @JsonPropertyDescription("the file or directory")
      String path,
      @JsonPropertyDescription("feature columns, in order; unset, all columns but the label")
      List<String> features,
      @JsonPropertyDescription("the label column: a class index or a regression target")
      String label,
      @JsonPropertyDescription("whether the first row names the columns; without one they are "
          + "_c0, _c1, ...")
      Boolean header) implements DataSourceConfig {
    public static final String DEFAULT_LABEL = DistributedOptions.DEFAULT_LABEL_COL;
    public static final boolean DEFAULT_HEADER = true;

    public Csv {
      label = label == null ? DEFAULT_LABEL : label;
      header = header == null ? DEFAULT_HEADER : header;
      Checks.setting(features == null || !features.isEmpty(), "features", "must name at least "
          + "one column; leave it out to use every column but the label");
      Checks.setting(features == null || !features.contains(label), "features", "includes the "
          + "label column '%s'", label);
      features = features == null ? null : List.copyOf(features);
    }
  }

  /** LIBSVM/SVMlight text: {@code label index:value ...}, 1-based indices. */
  @JsonTypeName("libsvm")
  @JsonClassDescription("LIBSVM text: 'label index:value ...' per row, sparse features made "
      + "dense.")
  record Libsvm(
      @JsonProperty(required = true) @JsonPropertyDescription("the file or directory")
      String path,
      @JsonPropertyDescription("the feature width (>= 1); set it so train, validation and test "
          + "agree when the last features are missing from some of them; unset, the largest "
          + "index in the file")
      Integer numFeatures) implements DataSourceConfig {
    public Libsvm {
      Checks.setting(numFeatures == null || numFeatures >= 1, "numFeatures", "must be >= 1, "
          + "got %s", numFeatures);
    }
  }

  /** Parquet with a vector (or array) features column and a label column. */
  @JsonTypeName("parquet")
  @JsonClassDescription("Parquet: a vector or array<float|double> features column and a label "
      + "column.")
  record Parquet(
      @JsonProperty(required = true) @JsonPropertyDescription("the file or directory")
      String path,
      @JsonPropertyDescription("the vector or array column holding the features")
      String featuresCol,
      @JsonPropertyDescription("the label column: a class index, a regression target, or a "
          + "vector")
      String label) implements DataSourceConfig {
    public static final String DEFAULT_FEATURES_COL = DistributedOptions.DEFAULT_FEATURES_COL;
    public static final String DEFAULT_LABEL = DistributedOptions.DEFAULT_LABEL_COL;

    public Parquet {
      featuresCol = featuresCol == null ? DEFAULT_FEATURES_COL : featuresCol;
      label = label == null ? DEFAULT_LABEL : label;
    }
  }

  /** The features column this source names, or null for formats that have none. */
  default String featuresColumn() {
    return this instanceof Parquet p ? p.featuresCol() : null;
  }

  /** The label column this source names, or null for formats that have none. */
  default String labelColumn() {
    return this instanceof Csv c ? c.label() : this instanceof Parquet p ? p.label() : null;
  }
}
