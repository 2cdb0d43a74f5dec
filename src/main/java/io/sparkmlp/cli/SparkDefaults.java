package io.sparkmlp.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Spark's {@code spark-defaults.conf} for a driver that spark-submit did not start (the CLI run
 * with {@code java -cp}, as scripts/sparkmlp does): the settings a cluster keeps there, such as
 * {@code spark.authenticate.secret} or {@code spark.serializer}, apply as they would under
 * spark-submit, which reads the same file. Looked up as spark-submit does: in
 * {@code $SPARK_CONF_DIR}, else {@code $SPARK_HOME/conf}.
 */
final class SparkDefaults {
  static final String FILE = "spark-defaults.conf";

  private SparkDefaults() {}

  /** The {@code spark.*} settings of the defaults file the environment points to; may be empty. */
  static Map<String, String> load(Map<String, String> env) {
    String dir = env.get("SPARK_CONF_DIR");
    if (dir == null && env.get("SPARK_HOME") != null) {
      dir = Path.of(env.get("SPARK_HOME"), "conf").toString();
    }
    if (dir == null) {
      return Map.of();
    }
    Path file = Path.of(dir, FILE);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);  // "key value" and "key=value" lines, # comments: the file's own syntax
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("spark.")) {
        settings.put(key, p.getProperty(key).trim());
      }
    }
    return settings;
  }
}
