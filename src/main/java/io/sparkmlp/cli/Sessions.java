package io.sparkmlp.cli;

import io.sparkmlp.io.HadoopFiles;
import io.sparkmlp.spark.SessionDefaults;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command. The master is, in order: {@code --master}; the one
 * spark-submit set; {@code spark.master} from the config; the one in spark-defaults.conf;
 * {@code local[*]}. Outside spark-submit, the settings of spark-defaults.conf apply
 * ({@link SparkDefaults}); sparkmlp's own defaults ({@link SessionDefaults}) fill in what
 * neither they nor {@code --conf} set; and the CLI's own jar is shipped to the executors
 * ({@link OwnJar}). A session that already exists in the JVM (a notebook, a test, an
 * application calling {@link Main#run}) is used as it is and left running when the command
 * ends, its logging untouched.
 */
final class Sessions implements AutoCloseable {
  /** The logger under which every class of this project logs. */
  private static final String OWN_LOGGER = "io.sparkmlp";

  private final SparkSession spark;
  private final boolean owned;

  private Sessions(SparkSession spark, boolean owned) {
    this.spark = spark;
    this.owned = owned;
    // The output, checkpoint, model and lock are written through io, which imports no Spark:
    // it gets the session's Hadoop configuration (with spark.hadoop.* applied) from here.
    HadoopFiles.configure(spark.sparkContext().hadoopConfiguration());
  }

  static Sessions open(String cliMaster, String configMaster, String appName) {
    if (SparkSession.getDefaultSession().isDefined()) {
      return new Sessions(SparkSession.getDefaultSession().get(), false);
    }
    SparkSession.Builder b = SparkSession.builder();
    // spark-submit has read spark-defaults.conf into system properties already.
    boolean submitted = System.getProperty("spark.submit.deployMode") != null;
    Map<String, String> defaults = submitted ? Map.of() : SparkDefaults.load(System.getenv());
    settings(defaults, k -> System.getProperty(k) != null).forEach(b::config);
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
    quietSpark(spark);
    return new Sessions(spark, true);
  }

  /**
   * What the builder of a session this command starts gets: the defaults file's settings and
   * then sparkmlp's own ({@link SessionDefaults}), each only where neither a system property
   * ({@code -D}, or spark-submit's {@code --conf}) nor, for sparkmlp's, the file sets it.
   */
  static Map<String, String> settings(Map<String, String> defaultsFile,
                                      Predicate<String> setBySystem) {
    Map<String, String> settings = new TreeMap<>();
    defaultsFile.forEach((k, v) -> {
      if (!setBySystem.test(k)) {
        settings.put(k, v);
      }
    });
    settings.putAll(SessionDefaults.unset(k -> setBySystem.test(k)
        || defaultsFile.containsKey(k)));
    return settings;
  }

  /**
   * Spark's INFO messages off (the root logger at WARN), while this project's own INFO lines
   * (the start line, one line per epoch) stay on: an {@code io.sparkmlp} level is added at INFO
   * unless the log configuration sets one, as {@code conf/log4j2.properties} does. Without it,
   * spark-submit with Spark's default configuration would log no progress at all.
   */
  private static void quietSpark(SparkSession spark) {
    spark.sparkContext().setLogLevel("WARN");
    if (LogManager.getContext(false) instanceof LoggerContext context
        && !context.getConfiguration().getLoggers().containsKey(OWN_LOGGER)) {
      Configurator.setLevel(OWN_LOGGER, Level.INFO);
    }
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
