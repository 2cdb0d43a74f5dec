package io.sparkmlp.cli;

/**
 * Where a configuration value came from, as messages name it: {@code conf/x.yaml line 14}, or
 * {@code override fit.epochs=three} for a value given on the command line.
 *
 * @param source the file as the user named it, or the override as typed
 * @param line 1-based line in the file, 0 when there is none (an override, a default)
 */
public record Where(String source, int line) {
  static Where override(String key, String value) {
    return new Where("override " + key + "=" + value, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? source + " line " + line : source;
  }
}
