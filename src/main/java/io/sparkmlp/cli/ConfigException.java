package io.sparkmlp.cli;

/**
 * A mistake in a run configuration, as one line that says where it is, which key, and what is
 * allowed: {@code conf/x.yaml line 14: unknown key 'epoch' in fit; allowed: batch_size, ...}.
 * It is an {@link IllegalArgumentException} (the caller's mistake), so code that catches those
 * needs nothing new; the CLI can tell configuration errors apart by this type.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String keyPath;

  /**
   * @param where the file and line (or the override) the mistake is in
   * @param keyPath the dotted key path, such as {@code model.layers[0].units}; empty when the
   *     mistake is in the file as a whole
   * @param problem what is wrong, starting with the key path where it names one
   */
  ConfigException(Where where, String keyPath, String problem) {
    super(where + ": " + problem);
    this.source = where.source();
    this.line = where.line();
    this.keyPath = keyPath;
  }

  /** The file (as the user named it) or the override the mistake is in. */
  public String source() {
    return source;
  }

  /** The 1-based line in the file, or 0 when the mistake has no line (an override). */
  public int line() {
    return line;
  }

  /** The dotted key path, such as {@code model.layers[0].units}; empty for the whole file. */
  public String keyPath() {
    return keyPath;
  }
}
