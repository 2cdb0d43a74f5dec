package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s with Jackson's streaming YAML parser, keeping each
 * value's line. A tree of our own rather than Jackson's {@code JsonNode}: that one forgets
 * locations, and every message here must name a line.
 *
 * <p>Duplicate keys are errors (YAML parsers silently keep the last one, which hides typos of a
 * copied block), and so is a second document in one file.
 */
final class YamlReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlReader() {}

  /** The document in text, its values placed in source; null for an empty document. */
  static YamlNode parseFile(String text, String source) {
    return parse(text, line -> new Where(source, line), new Where(source, 0));
  }

  /**
   * One value typed on a command line or written as a default ({@code 3}, {@code true},
   * {@code [accuracy]}, {@code {}}), every part of it placed at where.
   */
  static YamlNode parseValue(String text, Where where) {
    YamlNode node = parse(text, line -> where, where);
    return node != null ? node : new YamlNode.Scalar(null, "", where);
  }

  private static YamlNode parse(String text, IntFunction<Where> at, Where whole) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      YamlNode root = read(p, t, at, "");
      if (p.nextToken() != null) {
        throw new ConfigException(at.apply(line(p)), "",
            "holds more than one YAML document (a second '---'); a run is described by one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntaxError(e, at, whole);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // reading a String: cannot happen
    }
  }

  private static YamlNode read(JsonParser p, JsonToken t, IntFunction<Where> at, String path)
      throws IOException {
    Where where = at.apply(line(p));
    switch (t) {
      case START_OBJECT: {
        YamlNode.MapNode map = new YamlNode.MapNode(where);
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Where keyWhere = at.apply(line(p));
          String childPath = path.isEmpty() ? key : path + "." + key;
          YamlNode value = read(p, p.nextToken(), at, childPath);
          if (map.entries().containsKey(key)) {
            throw new ConfigException(keyWhere, childPath, String.format(
                "duplicate key '%s' %s (first at line %d)", key,
                path.isEmpty() ? "at the top level" : "in " + path,
                map.keys().get(key).line()));
          }
          map.put(key, keyWhere, value);
        }
        return map;
      }
      case START_ARRAY: {
        YamlNode.ListNode list = new YamlNode.ListNode(where);
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          list.items().add(read(p, t, at, path + "[" + list.items().size() + "]"));
        }
        return list;
      }
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new YamlNode.Scalar(t == JsonToken.VALUE_TRUE, p.getText(), where);
      case VALUE_NULL:
        return new YamlNode.Scalar(null, p.getText(), where);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new YamlNode.Scalar(number(p), p.getText(), where);
      default:
        return new YamlNode.Scalar(p.getText(), p.getText(), where);
    }
  }

  /** The number as YAML typed it; the text itself when Jackson cannot convert it (.inf, .nan). */
  private static Object number(JsonParser p) throws IOException {
    try {
      return p.getNumberValue();
    } catch (JsonProcessingException e) {
      return p.getText();
    }
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  /** One line from a YAML syntax error, at the line snakeyaml blames (the problem's mark). */
  private static ConfigException syntaxError(JsonProcessingException e, IntFunction<Where> at,
                                             Where whole) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return new ConfigException(at.apply(m.getProblemMark().getLine() + 1), "",
            "not valid YAML: " + firstLine(m.getProblem()));
      }
    }
    int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
    return new ConfigException(line > 0 ? at.apply(line) : whole, "",
        "not valid YAML: " + firstLine(e.getOriginalMessage()));
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "(no detail)";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }
}
