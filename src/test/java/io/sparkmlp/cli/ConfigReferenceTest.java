package io.sparkmlp.cli;

import io.sparkmlp.optim.OptimizerConfig;
import io.sparkmlp.model.Dense;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.model.FitOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/config.md is the generated reference, and the annotations it is generated from hold up. */
class ConfigReferenceTest {

  @Test
  void docsConfigMdIsUpToDate() throws IOException {
    String expected = ConfigReference.markdown();
    String actual = Files.exists(ConfigReference.DEFAULT_FILE)
        ? Files.readString(ConfigReference.DEFAULT_FILE) : "";
    assertTrue(expected.equals(actual), () -> "docs/config.md differs from the configuration records"
        + " from line " + firstDifferentLine(expected, actual) + "; regenerate it with: "
        + ConfigReference.REGENERATE);
  }

  private static int firstDifferentLine(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    int i = 0;
    while (i < x.length && i < y.length && x[i].equals(y[i])) {
      i++;
    }
    return i + 1;
  }

  @Test
  void theReferenceListsEverySectionAndKey() {
    String md = ConfigReference.markdown();
    for (Class<?> record : allSections()) {
      for (ConfigKeys.Key k : ConfigKeys.of(record)) {
        assertTrue(md.contains("| `" + k.name() + "` |"), k.name());
      }
    }
    assertTrue(md.contains("## `model.layers[]` with `type: dense`"), md);
    assertTrue(md.contains("## `data.train`, `data.validation`, `data.test`"), md);
    assertTrue(md.contains("| `batch_size` | integer | `32` |  | global batch size (>= 1)"), md);
  }

  @Test
  void everyKeyIsDocumentedAndHasADefaultOrIsRequiredOrMayBeUnset() {
    for (Class<?> record : allSections()) {
      assertNotNull(record.getAnnotation(JsonClassDescription.class), record + " lacks a "
          + "description");
      for (ConfigKeys.Key k : ConfigKeys.of(record)) {
        String where = record.getSimpleName() + "." + k.name();
        assertFalse(k.doc().isBlank(), where);
        assertFalse(k.required() && k.defaultValue() != null, where + ": required with a default");
      }
    }
  }

  @Test
  void defaultsAreTheRuntimeConstants() {
    RunConfig run = ConfigTexts.parse(ConfigTexts.BASE);
    Dense dense = (Dense) run.model().layers().get(1);
    assertEquals(Initializer.DEFAULT_KERNEL.kerasName(), dense.kernelInitializer());
    assertEquals(Activation.LINEAR.kerasName(),
        ((Dense) ConfigTexts.parse(ConfigTexts.BASE.replace(", activation: softmax", ""))
            .model().layers().get(1)).activation(), "Dense(units) is linear");
    assertEquals(FitOptions.DEFAULT_BATCH_SIZE, ConfigTexts.parse(ConfigTexts.BASE
        .replace("  batch_size: 32\n", "")).fit().batchSize());
  }

  /** Every section record reachable from RunConfig. */
  private static List<Class<?>> allSections() {
    List<Class<?>> out = new ArrayList<>();
    collect(RunConfig.class, out);
    return out;
  }

  private static void collect(Class<?> record, List<Class<?>> out) {
    if (out.contains(record)) {
      return;
    }
    out.add(record);
    for (ConfigKeys.Key k : ConfigKeys.of(record)) {
      if (k.type().isRecord() && k.type() != OptimizerConfig.class) {
        collect(k.type(), out);
      }
      ConfigKeys.variants(k.type()).forEach(v -> collect(v, out));
    }
  }
}
