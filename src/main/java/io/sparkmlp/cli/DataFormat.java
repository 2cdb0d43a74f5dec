package io.sparkmlp.cli;

import java.util.List;
import java.util.Locale;

/**
 * The file formats a run can read its examples from, and which keys of a data source
 * ({@link DataSourceConfig}) each one reads. The loader refuses a source that lacks a required
 * key or sets one its format ignores (a {@code path} next to {@code format: npy} is a mistake,
 * not a preference); the reference lists the same keys.
 */
public enum DataFormat {
  /** NumPy {@code .npy} arrays: features (N, d...) and targets (N,) or (N, k). */
  NPY("NumPy .npy files: x (N, d) features, y (N,) labels or (N, k) targets",
      List.of("x", "y"), List.of()),
  /** Comma-separated text, one example per row, usually with a header row naming the columns. */
  CSV("CSV text: one example per row, the label in one column",
      List.of("path"), List.of("features", "label", "header")),
  /** LIBSVM/SVMlight text: {@code label index:value ...}, 1-based indices. */
  LIBSVM("LIBSVM text: 'label index:value ...' per row, sparse features made dense",
      List.of("path"), List.of("num_features")),
  /** Parquet with a vector (or array) features column and a label column. */
  PARQUET("Parquet: a vector or array<float|double> features column and a label column",
      List.of("path"), List.of("features_col", "label")),
  /** IDX files, plain or gzip, as MNIST and Fashion-MNIST ship: images (N, ...) and labels (N,). */
  IDX("IDX files (plain or .gz), as MNIST and Fashion-MNIST ship: x images, y labels",
      List.of("x", "y"), List.of());

  private final String doc;
  private final List<String> requiredKeys;
  private final List<String> optionalKeys;

  DataFormat(String doc, List<String> requiredKeys, List<String> optionalKeys) {
    this.doc = doc;
    this.requiredKeys = requiredKeys;
    this.optionalKeys = optionalKeys;
  }

  /** The name a configuration file writes: {@code npy}, {@code csv}, ... */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One line on what the format holds, for the reference. */
  public String doc() {
    return doc;
  }

  /** The data source keys this format needs. */
  public List<String> requiredKeys() {
    return requiredKeys;
  }

  /** The data source keys this format reads when given (others must be left out). */
  public List<String> optionalKeys() {
    return optionalKeys;
  }

  /** True when a source in this format may set key. */
  public boolean reads(String key) {
    return requiredKeys.contains(key) || optionalKeys.contains(key);
  }
}
