package io.sparkmlp.cli;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Converts YAML values to the Java types of configuration keys, leniently where YAML itself is
 * ambiguous and strictly everywhere else. Numbers may be written as strings, because YAML 1.1
 * parsers read {@code 1e-3} (no decimal point) as one; an integral number written as
 * {@code 10.0} is an integer. Every failure says {@code <path> must be ..., got <value>}.
 */
final class Scalars {
  private Scalars() {}

  static long toLong(YamlNode node, String path) {
    Object v = scalar(node, path, "an integer");
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger) {
      throw fail(node, path, "must be an integer that fits in 64 bits");
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        v = parseDouble(s);  // "1e3" or "10.0": checked for being integral below
      }
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
        return (long) d;
      }
    }
    throw fail(node, path, "must be an integer");
  }

  static int toInt(YamlNode node, String path) {
    long v = toLong(node, path);
    if (v != (int) v) {
      throw fail(node, path, "must be an integer that fits in 32 bits");
    }
    return (int) v;
  }

  static double toDouble(YamlNode node, String path) {
    Object v = scalar(node, path, "a number");
    if (v instanceof String s) {
      v = parseDouble(s);
    }
    if (!(v instanceof Number n)) {
      throw fail(node, path, "must be a number");
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw fail(node, path, "must be a finite number");
    }
    return d;
  }

  static boolean toBoolean(YamlNode node, String path) {
    Object v = scalar(node, path, "true or false");
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw fail(node, path, "must be true or false");
  }

  /**
   * The text as written: a string key takes {@code 5} as "5" and {@code no} as "no", which
   * YAML 1.1 would have read as a number and a boolean.
   */
  static String toText(YamlNode node, String path) {
    scalar(node, path, "a string");
    return ((YamlNode.Scalar) node).text();
  }

  /** The scalar's typed value; lists and maps are refused with what was expected. */
  private static Object scalar(YamlNode node, String path, String expected) {
    if (!(node instanceof YamlNode.Scalar s)) {
      throw fail(node, path, "must be " + expected);
    }
    return s.value();
  }

  /**
   * A Double, or the string itself when it is not a number (the caller then refuses it). YAML's
   * own .inf and .nan are numbers too, so that they are refused as not finite, which is the
   * precise complaint.
   */
  private static Object parseDouble(String s) {
    String t = s.trim();
    switch (t.toLowerCase(Locale.ROOT)) {
      case ".inf", "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          return s;
        }
    }
  }

  /** "path must be one of a, b, c; got 'x'". */
  static ConfigException failOneOf(YamlNode node, String path, String choices) {
    return new ConfigException(node.where(), path,
        path + " must be one of " + choices + "; got " + node.describe());
  }

  /** "path must be ..., got 'x'". */
  static ConfigException fail(YamlNode node, String path, String mustBe) {
    return new ConfigException(node.where(), path,
        path + " " + mustBe + ", got " + node.describe());
  }
}
