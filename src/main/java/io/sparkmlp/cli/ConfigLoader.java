package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.Storage;
import io.sparkmlp.spark.source.DataSourceConfig;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a run configuration from YAML:
 * <pre>{@code
 * RunConfig run = ConfigLoader.load(Path.of("conf/x.yaml"), Map.of("fit.epochs", "3"));
 * Sequential model = run.buildModel(inputDim);
 * }</pre>
 * In four steps: parse the YAML into a tree, keeping lines ({@link YamlTree}); apply the
 * command-line overrides to the tree ({@link Overrides}); bind it to the records with Jackson,
 * whose compact constructors fill defaults and check ranges ({@link ConfigErrors} words the
 * failures); check what involves several keys ({@link ConfigValidator}). Every mistake is a
 * {@link ConfigException} of one line naming the
 * file, the line and the key path, e.g.
 * {@code conf/x.yaml line 9: model.layers[0].units must be an integer, got 'sixty'}.
 */
public final class ConfigLoader {
  /**
   * Binds the tree. Each section is one record, so Jackson refuses unknown keys itself; a key
   * the runtime takes only from code ({@code @JsonIgnore}: fit.verbose, fit.initial_epoch) is
   * refused as well. Jackson (2.21) still binds an ignored record component through the
   * constructor when the naming strategy renames it (initialEpoch as initial_epoch), so the
   * ignored components are also declared by their YAML names, as @JsonIgnoreProperties would.
   */
  private static final ObjectReader READER = Json.yaml().copy()
      .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config,
                                                                   Annotated a) {
          JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, a);
          return a instanceof AnnotatedClass c && c.getRawType().isRecord()
              ? JsonIgnoreProperties.Value.merge(declared, JsonIgnoreProperties.Value
                  .forIgnoredProperties(ConfigKeys.ignored(c.getRawType())))
              : declared;
        }
      }).reader().with(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES);

  private ConfigLoader() {}

  /** The configuration in file, as written. */
  public static RunConfig load(Path file) {
    return load(file, Map.of());
  }

  /**
   * The configuration in file with overrides applied.
   *
   * @param overrides dotted key paths and values as typed on a command line
   *     ({@code fit.epochs} → {@code 3}), applied in the map's order; each value is read as YAML
   * @throws ConfigException when the file cannot be read or holds a mistake
   */
  public static RunConfig load(Path file, Map<String, String> overrides) {
    return load(Location.of(file), overrides);
  }

  /**
   * As {@link #load(Path, Map)} for a local path or a Hadoop URI
   * ({@code hdfs://nn:8020/conf/x.yaml}).
   */
  public static RunConfig load(Location file, Map<String, String> overrides) {
    String source = file.toString();
    String text;
    try {
      text = Storage.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(new Where(source, 0), "", "no such file");
    } catch (CharacterCodingException e) {
      throw new ConfigException(new Where(source, 0), "", "not UTF-8 text");
    } catch (IOException e) {
      if (isDirectory(file)) {
        throw new ConfigException(new Where(source, 0), "", "is a directory, not a file");
      }
      throw new UncheckedIOException("cannot read " + source, e);
    }
    return parse(text, source, overrides);
  }

  /**
   * The configuration in text, which messages call source (a file name, "config.yaml").
   *
   * @throws ConfigException when the text holds a mistake
   */
  public static RunConfig parse(String text, String source, Map<String, String> overrides) {
    YamlTree tree = YamlTree.parse(text, source);
    Overrides.apply(tree, overrides);
    if (tree.root == null || tree.root.isNull()) {
      throw new ConfigException(tree.file, "", "the file is empty; a run needs at least the "
          + "sections " + ConfigKeys.of(RunConfig.class).stream().filter(ConfigKeys.Key::required)
          .map(ConfigKeys.Key::name).collect(Collectors.joining(", ")));
    }
    if (!tree.root.isObject()) {
      throw new ConfigException(tree.at("[0]"), "", "the file must be a map of sections ("
          + String.join(", ", ConfigKeys.names(RunConfig.class)) + "), got "
          + YamlTree.describe(tree.root));
    }
    selectSources(tree.root.get("data"));
    ClassWeightCheck.tree(tree);
    RunConfig config;
    try {
      config = READER.treeToValue(tree.root, RunConfig.class).resolved();
    } catch (JacksonException e) {
      throw ConfigErrors.translate(e, tree);
    }
    ConfigValidator.validate(config, tree);
    return config;
  }

  private static boolean isDirectory(Location file) {
    try {
      return Storage.isDirectory(file);
    } catch (IOException e) {
      return false;
    }
  }

  /** Copies data.format into each source, where it selects the source's record. */
  private static void selectSources(JsonNode data) {
    JsonNode format = data == null ? null : data.get(DataSourceConfig.FORMAT_KEY);
    if (format == null || !format.isTextual()) {
      return;
    }
    for (String source : new String[] {"train", "validation", "test"}) {
      if (data.get(source) instanceof ObjectNode s) {
        s.put(DataSourceConfig.FORMAT_KEY, format.asText().trim().toLowerCase(Locale.ROOT));
      }
    }
  }
}
