package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.spark.SessionDefaults;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The settings a session the CLI starts gets, and which of them the user's own win over. */
class SessionsTest {
  @Test
  void sparkmlpsDefaultsFillInWhatNothingElseSets() {
    Map<String, String> expected = new TreeMap<>(SessionDefaults.SETTINGS);
    expected.put("spark.serializer", "kryo");
    assertEquals(expected, Sessions.settings(Map.of("spark.serializer", "kryo"), k -> false));
    assertEquals("false", SessionDefaults.SETTINGS.get("spark.broadcast.compress"));
  }

  @Test
  void theDefaultsFileAndSystemPropertiesWin() {
    Map<String, String> file = Map.of("spark.broadcast.compress", "true",
        "spark.serializer", "kryo");
    Set<String> system = Set.of("spark.serializer", "spark.task.maxDirectResultSize");
    // The file's compress=true stays; the file's serializer and sparkmlp's result size give
    // way to system properties (spark-submit's --conf), which Spark reads itself.
    assertEquals(Map.of("spark.broadcast.compress", "true"),
        Sessions.settings(file, system::contains));
  }
}
