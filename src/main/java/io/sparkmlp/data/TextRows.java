package io.sparkmlp.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one line of a CSV or LIBSVM file the way training will read it, so that a bad row is
 * reported before training as {@code file line N: what is wrong} (see {@code spark.source.TextDataCheck})
 * instead of as a Spark job failure. Returns the problem, or null for a good line.
 */
public final class TextRows {
  private TextRows() {}

  /**
   * The fields of one CSV line (RFC 4180: commas, double quotes, "" inside quotes), or null
   * when a quoted field runs past the end of the line: a quoted line break, which the row-wise
   * reader cannot take.
   */
  public static List<String> csvFields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    fields.add(f.toString());
    return fields;
  }

  /**
   * What is wrong with a CSV data line of a file with {@code width} columns whose numeric
   * columns are at {@code numeric} (named {@code names}), or null.
   */
  public static String csvProblem(String line, int width, int[] numeric, List<String> names) {
    List<String> fields = csvFields(line.endsWith("\r") ? line.substring(0, line.length() - 1)
        : line);
    if (fields == null) {
      return "a quoted field continues past the end of the line (line breaks inside quotes "
          + "are not supported)";
    }
    if (fields.size() != width) {
      return "has " + fields.size() + " columns, expected " + width;
    }
    for (int c : numeric) {
      String v = fields.get(c).trim();
      if (!isNumber(v)) {
        return "column '" + names.get(c) + "' holds " + (v.isEmpty() ? "nothing"
            : "'" + abbreviate(v) + "'") + ", expected a number";
      }
    }
    return null;
  }

  /**
   * What is wrong with a LIBSVM line ({@code label index:value ...}, indices from 1 and
   * increasing, at most numFeatures when given), or null. Blank lines and {@code #} comments
   * are skipped, as Spark's reader skips them.
   */
  public static String libsvmProblem(String line, Integer numFeatures) {
    int hash = line.indexOf('#');
    String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
    if (body.isEmpty()) {
      return null;
    }
    String[] tokens = body.split("\\s+");
    if (!isNumber(tokens[0])) {
      return "label '" + abbreviate(tokens[0]) + "' is not a number";
    }
    long previous = 0;
    for (int t = 1; t < tokens.length; t++) {
      int colon = tokens[t].indexOf(':');
      if (colon <= 0) {
        return "'" + abbreviate(tokens[t]) + "' is not index:value";
      }
      long index;
      try {
        index = Long.parseLong(tokens[t].substring(0, colon));
      } catch (NumberFormatException e) {
        return "index '" + abbreviate(tokens[t].substring(0, colon)) + "' is not an integer";
      }
      if (index < 1) {
        return "index " + index + " is below 1 (LIBSVM indices start at 1)";
      }
      if (index <= previous) {
        return "index " + index + " follows " + previous + " (indices must increase)";
      }
      if (numFeatures != null && index > numFeatures) {
        return "index " + index + " is beyond num_features " + numFeatures;
      }
      if (!isNumber(tokens[t].substring(colon + 1))) {
        return "value '" + abbreviate(tokens[t].substring(colon + 1)) + "' of index " + index
            + " is not a number";
      }
      previous = index;
    }
    return null;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
