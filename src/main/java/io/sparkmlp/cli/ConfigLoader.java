package io.sparkmlp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a run configuration from YAML:
 * <pre>{@code
 * RunConfig run = ConfigLoader.load(Path.of("conf/x.yaml"), Map.of("fit.epochs", "3"));
 * Sequential model = run.buildModel(inputDim);
 * }</pre>
 * In four steps: parse the YAML keeping lines ({@link YamlReader}); apply the command-line
 * overrides to the tree ({@link Overrides}); bind it to the section records, checking every key
 * and filling defaults ({@link ConfigBinder}); check what involves several keys
 * ({@link ConfigValidator}). Every mistake is a {@link ConfigException} of one line naming the
 * file, the line and the key path, e.g.
 * {@code conf/x.yaml line 9: model.layers[0].units must be an integer, got 'sixty'}.
 */
public final class ConfigLoader {
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
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(new Where(source, 0), "", "no such file");
    } catch (CharacterCodingException e) {
      throw new ConfigException(new Where(source, 0), "", "not UTF-8 text");
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
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
    Where file = new Where(source, 0);
    YamlNode root = Overrides.apply(YamlReader.parseFile(text, source), overrides, file);
    Locations locations = new Locations(file);
    RunConfig config = new ConfigBinder(locations).bindRun(root, file).resolved();
    ConfigValidator.validate(config, locations);
    return config;
  }
}
