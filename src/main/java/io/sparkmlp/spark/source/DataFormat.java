package io.sparkmlp.spark.source;

import java.util.Locale;

/**
 * The file formats a run can read its examples from; each selects one record of
 * {@link DataSourceConfig}, whose {@code @JsonTypeName} is the format's name.
 */
public enum DataFormat {
  NPY, CSV, LIBSVM, PARQUET, IDX;

  /** The name a configuration file writes: {@code npy}, {@code csv}, ... */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
