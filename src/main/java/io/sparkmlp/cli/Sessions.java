package io.sparkmlp.cli;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command. The master is, in order: {@code --master}; the one
 * spark-submit set; {@code spark.master} from the config; {@code local[*]}.
 */
final class Sessions {
  private Sessions() {}

  static SparkSession open(String cliMaster, String configMaster, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (cliMaster != null) {
      b.master(cliMaster);
    } else if (System.getProperty("spark.master") == null) {
      b.master(configMaster != null ? configMaster : "local[*]");
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
