package io.sparkmlp.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each key path of a loaded configuration was written, so that checks made after binding
 * (those that look at several keys at once) can still name a line. A key left out is placed at
 * its section.
 */
final class Locations {
  private final Map<String, Where> byPath = new HashMap<>();
  private final Where file;

  /** @param file where to point when nothing more precise is known: the file, no line */
  Locations(Where file) {
    this.file = file;
  }

  void put(String path, Where where) {
    byPath.put(path, where);
  }

  /** Where path was written, or its nearest enclosing section, or the file. */
  Where at(String path) {
    for (String p = path; !p.isEmpty(); p = parent(p)) {
      Where w = byPath.get(p);
      if (w != null && w != Where.DEFAULT) {
        return w;
      }
    }
    return file;
  }

  /** {@code a.b[2].c} → {@code a.b[2]} → {@code a.b} → {@code a} → "". */
  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
