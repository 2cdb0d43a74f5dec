package io.sparkmlp.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser for the small subset of Python literals that a {@code .npy} header uses: dicts,
 * tuples, lists, quoted strings, integers (with Python 2's optional {@code L}), True, False and
 * None. Values become {@code Map<Object, Object>}, {@link Tuple}, {@code List<Object>},
 * {@code String}, {@code Long}, {@code Boolean} and null.
 *
 * <p>Errors are IllegalArgumentExceptions that say what was expected at which character; the
 * caller adds the file name.
 */
final class PyLiteral {
  /** A Python tuple, kept apart from lists because {@code shape} must be a tuple. */
  record Tuple(List<Object> items) {}

  private final String s;
  private int i;

  private PyLiteral(String s) {
    this.s = s;
  }

  /** Parses one literal that fills the whole text apart from surrounding whitespace. */
  static Object parse(String text) {
    PyLiteral p = new PyLiteral(text);
    Object value = p.value();
    p.skipSpace();
    if (p.i < text.length()) {
      throw p.error("end of the literal");
    }
    return value;
  }

  /** Python's repr of a parsed value, for error messages: {@code (3,)}, {@code 'x'}, True. */
  static String repr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof String str) {
      return "'" + str.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Tuple t) {
      List<Object> items = t.items();
      return items.size() == 1 ? "(" + repr(items.get(0)) + ",)" : join(items, "(", ")");
    }
    if (v instanceof List<?> list) {
      return join(list, "[", "]");
    }
    if (v instanceof Map<?, ?> map) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        b.append(b.length() > 1 ? ", " : "").append(repr(e.getKey())).append(": ")
            .append(repr(e.getValue()));
      }
      return b.append('}').toString();
    }
    return String.valueOf(v);
  }

  private static String join(List<?> items, String open, String close) {
    StringBuilder b = new StringBuilder(open);
    for (int k = 0; k < items.size(); k++) {
      b.append(k > 0 ? ", " : "").append(repr(items.get(k)));
    }
    return b.append(close).toString();
  }

  private Object value() {
    skipSpace();
    if (i >= s.length()) {
      throw error("a value");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{':
        return dict();
      case '(':
        return tupleOrGroup();
      case '[':
        i++;
        return new ArrayList<>(items(']'));
      case '\'':
      case '"':
        return string(c);
      default:
        if (c == '-' || c == '+' || Character.isDigit(c)) {
          return integer();
        }
        return keyword();
    }
  }

  private Map<Object, Object> dict() {
    i++;
    Map<Object, Object> map = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (peek('}')) {
        return map;
      }
      Object key = value();
      skipSpace();
      expect(':');
      Object v = value();
      if (map.put(key, v) != null) {
        throw new IllegalArgumentException("key " + repr(key) + " appears twice");
      }
      skipSpace();
      if (!peek(',')) {
        skipSpace();
        expect('}');
        return map;
      }
    }
  }

  /** "(x)" is x in Python, "(x,)" and "(x, y)" are tuples. */
  private Object tupleOrGroup() {
    i++;
    skipSpace();
    if (peek(')')) {
      return new Tuple(List.of());
    }
    Object first = value();
    skipSpace();
    if (peek(')')) {
      return first;
    }
    expect(',');
    List<Object> rest = items(')');
    List<Object> all = new ArrayList<>(rest.size() + 1);
    all.add(first);
    all.addAll(rest);
    return new Tuple(all);
  }

  /** Comma-separated values up to the closing character, a trailing comma allowed. */
  private List<Object> items(char close) {
    List<Object> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek(close)) {
        return out;
      }
      out.add(value());
      skipSpace();
      if (!peek(',')) {
        skipSpace();
        expect(close);
        return out;
      }
    }
  }

  private String string(char quote) {
    int start = i++;
    StringBuilder b = new StringBuilder();
    while (i < s.length() && s.charAt(i) != quote) {
      char c = s.charAt(i++);
      if (c == '\\' && i < s.length()) {
        c = s.charAt(i++);
      }
      b.append(c);
    }
    if (i >= s.length()) {
      throw error("a closing " + quote + " for the string that starts at character " + start);
    }
    i++;
    return b.toString();
  }

  private Long integer() {
    int start = i;
    if (s.charAt(i) == '-' || s.charAt(i) == '+') {
      i++;
    }
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    String digits = s.substring(start, i);
    if (i < s.length() && (s.charAt(i) == 'L' || s.charAt(i) == 'l')) {
      i++;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      i = start;
      throw error("an integer");
    }
  }

  private Object keyword() {
    for (String word : new String[] {"True", "False", "None"}) {
      if (s.startsWith(word, i)) {
        i += word.length();
        return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
      }
    }
    throw error("a value");
  }

  private void skipSpace() {
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\0')) {
      i++;
    }
  }

  private boolean peek(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "'");
    }
  }

  private IllegalArgumentException error(String expected) {
    String found = i < s.length() ? "'" + s.charAt(i) + "'" : "the end";
    return new IllegalArgumentException(
        "expected " + expected + " at character " + i + " but found " + found);
  }
}
