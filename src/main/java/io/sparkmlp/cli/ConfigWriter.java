package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.sparkmlp.cli.ConfigSchema.Field;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a configuration back as YAML, key by key in the order the records declare them, from
 * the same {@link Key} annotations the loader reads. Unset optional keys are left out (loading
 * leaves them unset again); everything else is written, defaults included, so the file records
 * exactly what a run used.
 */
final class ConfigWriter {
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // A string such as "5" (a column name) must come back a string, not a number.
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build();

  private static final String HEADER = "# sparkmlp run configuration, resolved: defaults filled "
      + "in, command-line overrides applied.\n# Every key is described in docs/config.md.\n";

  private ConfigWriter() {}

  static String toYaml(RunConfig config) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, tree(config));
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // writing to a String: cannot happen
    }
    return HEADER + out;
  }

  /** A section record as a map in declaration order, a layer with its type first. */
  private static Map<String, Object> tree(Record section) {
    Map<String, Object> map = new LinkedHashMap<>();
    Section s = section.getClass().getAnnotation(Section.class);
    if (s != null && !s.type().isEmpty()) {
      map.put("type", s.type());
    }
    for (Field f : ConfigSchema.fields(section.getClass())) {
      Object v = f.get(section);
      if (v != null) {
        map.put(f.name(), plain(f, v));
      }
    }
    return map;
  }

  private static Object plain(Field f, Object v) {
    return switch (f.kind()) {
      case SECTION -> tree((Record) v);
      case SECTION_LIST -> ((List<?>) v).stream().map(item -> (Object) tree((Record) item))
          .toList();
      case ENUM -> ((Enum<?>) v).name().toLowerCase(Locale.ROOT);
      case OPTIMIZER -> optimizer((OptimizerConfig) v);
      default -> v;
    };
  }

  /** A bare name when there are no settings, else {@code {name: ..., settings...}}. */
  private static Object optimizer(OptimizerConfig o) {
    if (o.settings().isEmpty()) {
      return o.name();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", o.name());
    map.putAll(o.settings());
    return map;
  }

  private static void write(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object item : l) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v == null) {
      g.writeNull();
    } else {
      throw new IllegalStateException("cannot write " + v.getClass() + " as YAML");
    }
  }
}
