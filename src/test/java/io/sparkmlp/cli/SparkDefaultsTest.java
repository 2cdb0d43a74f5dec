package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark-defaults.conf is found and read as spark-submit finds and reads it. */
class SparkDefaultsTest {
  @TempDir
  Path dir;

  @Test
  void readsSparkKeysInTheFilesOwnSyntax() throws IOException {
    Files.writeString(dir.resolve(SparkDefaults.FILE), """
        # a comment
        spark.authenticate          true
        spark.authenticate.secret=s3cr3t
        spark.serializer   org.apache.spark.serializer.KryoSerializer  \s
        not.spark.key  ignored
        """);
    assertEquals(Map.of("spark.authenticate", "true", "spark.authenticate.secret", "s3cr3t",
        "spark.serializer", "org.apache.spark.serializer.KryoSerializer"),
        SparkDefaults.load(Map.of("SPARK_CONF_DIR", dir.toString())));
  }

  @Test
  void confDirWinsOverSparkHomeAndNothingIsFine() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home/conf"));
    Files.writeString(home.resolve(SparkDefaults.FILE), "spark.app.name from-home\n");
    assertEquals(Map.of("spark.app.name", "from-home"),
        SparkDefaults.load(Map.of("SPARK_HOME", dir.resolve("home").toString())));
    assertEquals(Map.of(), SparkDefaults.load(Map.of("SPARK_CONF_DIR", dir.toString(),
        "SPARK_HOME", dir.resolve("home").toString())));
    assertEquals(Map.of(), SparkDefaults.load(Map.of()));
  }
}
