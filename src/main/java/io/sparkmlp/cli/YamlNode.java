package io.sparkmlp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so a mistake found while binding or
 * validating can name its line. Maps and lists are mutable only so that command-line overrides
 * can be applied before binding ({@link Overrides}).
 */
sealed interface YamlNode {

  /** Where the value starts (for a map entry, the line of its key; see {@link MapNode#keys}). */
  Where where();

  /** "a map", "a list" or the scalar as written, for "must be ..., got ..." messages. */
  String describe();

  /**
   * A scalar: {@code value} is what YAML typed it as (String, Integer, Long, BigInteger, Double,
   * Boolean, or null for {@code null}/{@code ~}/nothing) and {@code text} is how it was written,
   * so a string key keeps {@code no} as "no" where YAML 1.1 read a boolean.
   */
  record Scalar(Object value, String text, Where where) implements YamlNode {
    @Override
    public String describe() {
      return value == null ? "null" : "'" + text + "'";
    }
  }

  /**
   * A map with its entries in file order; {@code keys} holds where each key was written, which
   * is where an unknown key or a bad value is reported.
   */
  record MapNode(Map<String, YamlNode> entries, Map<String, Where> keys, Where where)
      implements YamlNode {
    MapNode(Where where) {
      this(new LinkedHashMap<>(), new LinkedHashMap<>(), where);
    }

    void put(String key, Where keyWhere, YamlNode value) {
      entries.put(key, value);
      keys.put(key, keyWhere);
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A list, in file order. */
  record ListNode(List<YamlNode> items, Where where) implements YamlNode {
    ListNode(Where where) {
      this(new ArrayList<>(), where);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** True for an absent value: Java null or a YAML null, which both mean "use the default". */
  static boolean isNull(YamlNode node) {
    return node == null || (node instanceof Scalar s && s.value() == null);
  }
}
