package io.sparkmlp.util;

/**
 * Argument and state checks with messages formatted only on failure.
 *
 * <p>{@link IllegalArgumentException} is the caller's mistake (a bad value, shape or name);
 * {@link IllegalStateException} is misuse of an object's lifecycle (fit before compile).
 */
public final class Checks {
  private Checks() {}

  /** Throws IllegalArgumentException with {@code String.format(message, args)} unless ok. */
  public static void argument(boolean ok, String message, Object... args) {
    if (!ok) {
      throw new IllegalArgumentException(String.format(message, args));
    }
  }

  /**
   * Throws {@link IllegalSettingException} naming component, with
   * {@code String.format(problem, args)}, unless ok: a configuration record's check.
   */
  public static void setting(boolean ok, String component, String problem, Object... args) {
    if (!ok) {
      throw new IllegalSettingException(component, String.format(problem, args));
    }
  }

  /** Throws IllegalStateException with {@code String.format(message, args)} unless ok. */
  public static void state(boolean ok, String message, Object... args) {
    if (!ok) {
      throw new IllegalStateException(String.format(message, args));
    }
  }

  /** Returns value when it is finite and at least 0, otherwise names it in the error. */
  public static double nonNegative(double value, String name) {
    setting(Double.isFinite(value) && value >= 0, name, "must be a finite number >= 0, got %s",
        value);
    return value;
  }

  /** Returns value when it is finite and strictly positive, otherwise names it in the error. */
  public static double positive(double value, String name) {
    setting(Double.isFinite(value) && value > 0, name, "must be a finite number > 0, got %s",
        value);
    return value;
  }

  /** Returns value when it is at least 1, otherwise names it in the error. */
  public static int positive(int value, String name) {
    setting(value > 0, name, "must be >= 1, got %s", value);
    return value;
  }

  /** Returns value when 0 <= value < 1, otherwise names it in the error. */
  public static double fraction(double value, String name) {
    setting(Double.isFinite(value) && value >= 0 && value < 1, name,
        "must be in [0, 1), got %s", value);
    return value;
  }
}
