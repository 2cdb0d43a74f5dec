package io.sparkmlp.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as Jackson's tree, plus the line each key path was written on: Jackson's
 * tree forgets locations, and every message must name a line. Paths are written as messages
 * show them: {@code model.layers[0].units}. A key left out is placed at its section.
 */
final class YamlTree {
  final Where file;
  private final Map<String, Where> lines = new HashMap<>();
  JsonNode root;

  private YamlTree(Where file) {
    this.file = file;
  }

  /**
   * The document in text, which messages call source; its root is null for an empty document.
   *
   * @throws ConfigException for broken YAML, a duplicate key or a second document
   */
  static YamlTree parse(String text, String source) {
    YamlTree tree = new YamlTree(new Where(source, 0));
    try (JsonParser p = Json.yaml().createParser(text)) {
      p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);  // found here, with both lines
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        String path = path(p.getParsingContext());
        Where where = new Where(source, p.currentTokenLocation().getLineNr());
        if (t == JsonToken.FIELD_NAME && tree.lines.containsKey(path)) {
          throw ConfigErrors.duplicateKey(tree, where, parent(path), p.currentName());
        }
        if (!t.isStructEnd()) {
          tree.lines.putIfAbsent(path, where);
        }
        if (p.getParsingContext().inRoot() && (t.isStructEnd() || t.isScalarValue())) {
          break;
        }
      }
      if (p.nextToken() != null) {
        throw new ConfigException(new Where(source, p.currentTokenLocation().getLineNr()), "",
            "holds more than one YAML document (a second '---'); a run is described by one");
      }
    } catch (JsonProcessingException e) {
      throw ConfigErrors.translate(e, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // reading a String: cannot happen
    }
    try (JsonParser p = Json.yaml().createParser(text)) {
      try {
        tree.root = p.nextToken() == null ? null : Json.yaml().readTree(p);
      } catch (JsonProcessingException e) {
        throw ConfigErrors.unreadable(e, tree, p);  // where p stands says what it could not read
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // read once already
    }
    return tree;
  }

  /** Where path was written, or its nearest enclosing section, or the file. */
  Where at(String path) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Where w = lines.get(p);
      if (w != null) {
        return w;
      }
    }
    return file;
  }

  /** Records that path and everything under it now come from where (an override). */
  void place(String path, Where where) {
    lines.keySet().removeIf(p -> p.startsWith(path + ".") || p.startsWith(path + "["));
    lines.put(path, where);
  }

  /** The value at path, or null when there is none. */
  JsonNode node(String path) {
    JsonNode n = root;
    for (String step : path.isEmpty() ? new String[0] : path.split("\\.|(?=\\[)")) {
      if (n == null) {
        return null;
      }
      n = step.startsWith("[") ? n.get(Integer.parseInt(step.substring(1, step.length() - 1)))
          : n.get(step);
    }
    return n;
  }

  /** "a map", "a list", "null" or the scalar as written, for "must be ..., got ..." messages. */
  static String describe(JsonNode n) {
    if (n == null || n instanceof NullNode) {
      return "null";
    }
    return n.isObject() ? "a map" : n.isArray() ? "a list" : "'" + n.asText() + "'";
  }

  /** The key path of where a parser (or Jackson's tree reader) stands. */
  static String path(JsonStreamContext ctx) {
    String path = "";
    for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        path = c.getCurrentIndex() < 0 ? path : "[" + c.getCurrentIndex() + "]" + path;
      } else if (c.getCurrentName() != null) {
        path = "." + c.getCurrentName() + path;
      }
    }
    return path.startsWith(".") ? path.substring(1) : path;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** {@code a.b[2].c} → {@code a.b[2]} → {@code a.b} → {@code a} → "". */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
