package io.sparkmlp.cli;

import io.sparkmlp.testing.Expect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small valid configuration with known line numbers, and helpers to break it line by line. */
final class ConfigTexts {
  /** Messages name this file, as the user would have typed it. */
  static final String SOURCE = "conf/x.yaml";

  /** Line numbers in comments: tests replace lines by number. */
  static final String BASE = String.join("\n",
      "data:",                                                           // 1
      "  format: npy",                                                   // 2
      "  train:",                                                        // 3
      "    x: data/x.npy",                                               // 4
      "    y: data/y.npy",                                               // 5
      "model:",                                                          // 6
      "  seed: 7",                                                       // 7
      "  layers:",                                                       // 8
      "    - {type: dense, units: 64, activation: relu, input_dim: 100}", // 9
      "    - {type: dense, units: 10, activation: softmax}",             // 10
      "compile:",                                                        // 11
      "  loss: categorical_crossentropy",                                // 12
      "  optimizer: adam",                                               // 13
      "  metrics: [accuracy]",                                           // 14
      "fit:",                                                            // 15
      "  batch_size: 32",                                                // 16
      "  epochs: 2",                                                     // 17
      "output:",                                                         // 18
      "  dir: out/test",                                                 // 19
      "");

  private ConfigTexts() {}

  /** BASE with line n (1-based) replaced by the given lines (none: deleted). */
  static String replace(int n, String... lines) {
    List<String> all = new ArrayList<>(Arrays.asList(BASE.split("\n", -1)));
    all.remove(n - 1);
    all.addAll(n - 1, List.of(lines));
    return String.join("\n", all);
  }

  /** BASE with lines added at the end. */
  static String append(String... lines) {
    return BASE + String.join("\n", lines) + "\n";
  }

  static RunConfig parse(String yaml, String... overrides) {
    return ConfigLoader.parse(yaml, SOURCE, overrideMap(overrides));
  }

  /** The message of the ConfigException that parsing throws; it must be a single line. */
  static String error(String yaml, String... overrides) {
    return Expect.assertFails(ConfigException.class, () -> parse(yaml, overrides));
  }

  /** "a.b=1", "c=2" as an ordered map. */
  static Map<String, String> overrideMap(String... overrides) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      map.put(o.substring(0, eq), o.substring(eq + 1));
    }
    return map;
  }
}
