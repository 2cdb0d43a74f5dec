package io.sparkmlp.cli;

import io.sparkmlp.optim.OptimizerConfig;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.sparkmlp.model.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Generates the configuration reference, {@code docs/config.md}, from the records the loader
 * binds ({@link ConfigKeys}): one table per section with each key's type, default (the record's
 * {@code DEFAULT_*} constant), allowed names and meaning ({@code @JsonPropertyDescription}).
 * A test compares the file with this output, so the
 * reference cannot drift from the code. Regenerate it with
 * <pre>
 *   scripts/run-local.sh io.sparkmlp.cli.ConfigReference [docs/config.md]
 * </pre>
 */
public final class ConfigReference {
  /** Where the reference lives in the repository. */
  public static final Path DEFAULT_FILE = Path.of("docs/config.md");
  /** The command that rewrites {@link #DEFAULT_FILE}. */
  public static final String REGENERATE =
      "scripts/run-local.sh io.sparkmlp.cli.ConfigReference docs/config.md";

  private ConfigReference() {}

  /** Writes the reference to the file named by the first argument, or to docs/config.md. */
  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_FILE;
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, markdown());
    System.out.println("wrote " + file);
  }

  /** The whole reference as Markdown. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Run configuration reference\n\n")
        .append("<!-- Generated from the configuration records by io.sparkmlp.cli.ConfigReference;"
            + " do not edit.\n     Regenerate: ").append(REGENERATE).append(" -->\n\n")
        .append("A run is described by one YAML file: `sparkmlp train --config conf/x.yaml`. "
            + "Keys are snake_case and names are Keras's. A key that is not listed here, a value "
            + "of the wrong type or out of range, and an unknown name are errors that name the "
            + "file, the line and the key.\n\n")
        .append("- **Overrides**: any key can be set on the command line as a dotted path, "
            + "`fit.epochs=3`, `model.layers[0].units=128`, `compile.optimizer.learning_rate=0.01`."
            + " The value is read as YAML (`3` is a number, `true` a boolean, `[a, b]` a list, "
            + "`null` restores the default) and checked like a value in the file.\n")
        .append("- **Defaults**: a key left out (or `null`) takes the default below. *required* "
            + "keys have none; *unset* keys stay unset.\n")
        .append("- **Numbers** may be written `1e-3` or `0.001`, also quoted; an integer is written"
            + " without a fraction (`10`, not `10.0`). Booleans are `true` and `false`.\n")
        .append("- **Paths** are resolved against the working directory, not the configuration "
            + "file's folder.\n")
        .append("- **Resolved copy**: a run writes its configuration, with every default filled "
            + "in and overrides applied, to `config.yaml` in the output directory; loading that "
            + "file repeats the run.\n");
    for (Map.Entry<Class<?>, List<String>> s : sections().entrySet()) {
      section(md, s.getKey(), s.getValue());
    }
    return md.toString();
  }

  /** The Keras names a key holds, listed as its allowed values. */
  private static final Map<String, Names> NAMED = Map.of("activation", Names.ACTIVATION,
      "kernel_initializer", Names.INITIALIZER, "loss", Names.LOSS, "optimizer", Names.OPTIMIZER,
      "metrics", Names.METRIC);

  /** Every section record with the paths it appears at, in the order a file is read. */
  private static Map<Class<?>, List<String>> sections() {
    Map<Class<?>, List<String>> out = new LinkedHashMap<>();
    collect(RunConfig.class, "", out);
    return out;
  }

  private static void collect(Class<?> record, String path, Map<Class<?>, List<String>> out) {
    boolean first = !out.containsKey(record);
    out.computeIfAbsent(record, r -> new ArrayList<>()).add(path);
    if (!first) {
      return;
    }
    for (ConfigKeys.Key k : ConfigKeys.of(record)) {
      String child = YamlTree.join(path, k.name()) + (k.list() ? "[]" : "");
      if (k.type().isRecord() && k.type() != OptimizerConfig.class) {
        collect(k.type(), child, out);
      }
      for (Class<?> variant : ConfigKeys.variants(k.type())) {
        collect(variant, child, out);
      }
    }
  }

  private static void section(StringBuilder md, Class<?> record, List<String> paths) {
    String type = ConfigKeys.typeName(record);
    boolean layer = Layer.class.isAssignableFrom(record);
    String title = paths.get(0).isEmpty() ? "Top level" : "`" + String.join("`, `", paths) + "`";
    if (!type.isEmpty()) {
      title += layer ? " with `type: " + type + "`" : " with `data.format: " + type + "`";
    }
    md.append("\n## ").append(title).append("\n\n")
        .append(record.getAnnotation(JsonClassDescription.class).value()).append("\n\n")
        .append("| key | type | default | allowed | meaning |\n")
        .append("|---|---|---|---|---|\n");
    if (layer) {
      md.append("| `type` | string | *required* | `").append(type)
          .append("` | selects this kind of layer |\n");
    }
    for (ConfigKeys.Key k : ConfigKeys.of(record)) {
      md.append("| `").append(k.name()).append("` | ").append(k.shown())
          .append(" | ").append(cell(defaultOf(k))).append(" | ").append(cell(allowed(k)))
          .append(" | ").append(cell(k.doc())).append(" |\n");
    }
  }

  private static String defaultOf(ConfigKeys.Key k) {
    Object v = k.defaultValue();
    if (k.required()) {
      return "*required*";
    }
    if (v == null) {
      return "*unset*";
    }
    if (v instanceof Record) {
      return "`{}`";
    }
    if (v instanceof Enum<?> e) {  // the runtime's names (Activation.LINEAR) are lowercase
      return "`" + e.name().toLowerCase(Locale.ROOT) + "`";
    }
    return "`" + (v instanceof List<?> l ? "[" + l.stream().map(String::valueOf)
        .collect(Collectors.joining(", ")) + "]" : v) + "`";
  }

  private static String allowed(ConfigKeys.Key k) {
    if (k.type().isEnum()) {
      return code(Arrays.stream(k.type().getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList());
    }
    Names names = NAMED.get(k.name());
    return names == null ? "" : code(names.choices());
  }

  private static String code(List<String> values) {
    return "`" + String.join("`, `", values) + "`";
  }

  /** Text made safe for a table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
