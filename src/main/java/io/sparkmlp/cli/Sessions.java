package io.sparkmlp.cli;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command. The master is, in order: {@code --master}; the one
 * spark-submit set; {@code spark.master} from the config; the one in spark-defaults.conf;
 * {@code local[*]}. Outside spark-submit, the settings of spark-defaults.conf apply
 * ({@link SparkDefaults}), and the CLI's own jar is shipped to the executors
 * ({@link OwnJar}). A session that already exists in the JVM (a notebook, a test, an application calling {@link Main#run}) is
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
    SparkSession.Builder b = SparkSession.builder();
    // spark-submit has read spark-defaults.conf into system properties already.
    boolean submitted = System.getProperty("spark.submit.deployMode") != null;
    Map<String, String> defaults = submitted ? Map.of() : SparkDefaults.load(System.getenv());
    defaults.forEach((k, v) -> {
      if (System.getProperty(k) == null) {
        b.config(k, v);
      }
    });
    b.appName(appName);
    if (cliMaster != null) {
      b.master(cliMaster);
    } else if (System.getProperty("spark.master") == null) {
      if (configMaster != null) {
        b.master(configMaster);
      } else if (!defaults.containsKey("spark.master")) {
        b.master("local[*]");
      }
    }
    String jars = OwnJar.withSparkJars(System.getProperty("spark.jars",
        defaults.get("spark.jars")));
    if (jars != null) {
      b.config("spark.jars", jars);
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
