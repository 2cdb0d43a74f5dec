package io.sparkmlp.cli;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command. The master is, in order: {@code --master}; the one
 * spark-submit set; {@code spark.master} from the config; {@code local[*]}. A session that
 * already exists in the JVM (a notebook, a test, an application calling {@link Main#run}) is
 * used as it is and left running when the command ends.
 */
final class Sessions implements AutoCloseable {
  private final SparkSession spark;
  private final boolean owned;

  private Sessions(SparkSession spark, boolean owned) {
    this.spark = spark;
    this.owned = owned;
  }

  static Sessions open(String cliMaster, String configMaster, String appName) {
    if (SparkSession.getDefaultSession().isDefined()) {
      return new Sessions(SparkSession.getDefaultSession().get(), false);
    }
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (cliMaster != null) {
      b.master(cliMaster);
    } else if (System.getProperty("spark.master") == null) {
      b.master(configMaster != null ? configMaster : "local[*]");
    }
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return new Sessions(spark, true);
  }

  SparkSession spark() {
    return spark;
  }

  @Override
  public void close() {
    if (owned) {
      spark.stop();
    }
  }
}
