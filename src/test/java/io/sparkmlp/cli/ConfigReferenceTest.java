package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.cli.ConfigSchema.Field;
import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.Initializer;
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
    assertTrue(expected.equals(actual), () -> "docs/config.md differs from the @Key annotations"
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
      for (Field f : ConfigSchema.fields(record)) {
        assertTrue(md.contains("| `" + f.name() + "` |"), f.name());
      }
    }
    assertTrue(md.contains("## `model.layers[]` with `type: dense`"), md);
    assertTrue(md.contains("## `data.train`, `data.validation`, `data.test`"), md);
    assertTrue(md.contains("| `batch_size` | integer | `32` | >= 1 |"), md);
  }

  @Test
  void everyKeyIsDocumentedAndItsLimitsParse() {
    for (Class<?> record : allSections()) {
      assertNotNull(record.getAnnotation(Section.class), record + " lacks @Section");
      for (Field f : ConfigSchema.fields(record)) {
        String where = record.getSimpleName() + "." + f.name();
        assertFalse(f.key().doc().isBlank(), where);
        Range.parse(f.key().range());
        // A primitive cannot hold "unset": it needs a default or must be required.
        if (f.component().getType().isPrimitive()) {
          assertNotEquals(Key.UNSET, f.key().defaultValue(), where);
        }
      }
    }
  }

  @Test
  void defaultsWrittenAsTextMatchTheRuntimeConstants() {
    RunConfig run = ConfigTexts.parse(ConfigTexts.BASE);
    DenseConfig dense = (DenseConfig) run.model().layers().get(1);
    assertEquals(Initializer.DEFAULT_KERNEL.kerasName(), dense.kernelInitializer());
    assertEquals(Activation.LINEAR.kerasName(),
        ((DenseConfig) ConfigTexts.parse(ConfigTexts.BASE.replace(", activation: softmax", ""))
            .model().layers().get(1)).activation(), "Dense(units) is linear");
  }

  @Test
  void rangesAreReadAsWritten() {
    assertTrue(Range.parse(">= 1").contains(1));
    assertFalse(Range.parse(">= 1").contains(0.5));
    assertFalse(Range.parse("> 0").contains(0));
    assertTrue(Range.parse("[0, 1)").contains(0));
    assertFalse(Range.parse("[0, 1)").contains(1));
    assertTrue(Range.parse("[0, 1]").contains(1));
    assertFalse(Range.parse("(0, 1]").contains(0));
    assertEquals("must be in [0, 1)", Range.parse("[0, 1)").mustBe());
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
    for (Field f : ConfigSchema.fields(record)) {
      if (f.kind() == ConfigSchema.Kind.SECTION) {
        collect(f.type(), out);
      } else if (f.kind() == ConfigSchema.Kind.SECTION_LIST) {
        for (Class<?> v : f.type().isSealed() ? ConfigSchema.variants(f.type())
            : List.of(f.type())) {
          collect(v, out);
        }
      }
    }
  }
}
