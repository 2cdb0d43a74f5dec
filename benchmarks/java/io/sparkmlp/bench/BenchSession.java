package io.sparkmlp.bench;

import io.sparkmlp.spark.SessionDefaults;
import org.apache.spark.sql.SparkSession;

/** The Spark session every Spark benchmark runs in: local[2] unless -Dspark.master says where. */
final class BenchSession {
  private BenchSession() {}

  static SparkSession start(String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName)
        .config("spark.ui.enabled", "false");
    // The CLI's own defaults too, so that the benchmarks measure what a CLI run gets.
    SessionDefaults.unset(k -> System.getProperty(k) != null).forEach(b::config);
    if (System.getProperty("spark.master") == null) {
      b.master("local[2]");
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
