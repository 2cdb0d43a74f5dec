package io.sparkmlp.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An allowed interval of numbers, written as the reference shows it: {@code ">= 1"},
 * {@code "> 0"}, {@code "[0, 1)"}, {@code "[0, 1]"}. One string is both the check and its
 * documentation, so the two cannot disagree.
 */
final class Range {
  private static final Pattern BOUND = Pattern.compile("(>=|>)\\s*(\\S+)");
  private static final Pattern INTERVAL =
      Pattern.compile("([\\[(])\\s*([^,\\s]+)\\s*,\\s*([^\\])\\s]+)\\s*([\\])])");

  private final String text;
  private final double low;
  private final boolean lowClosed;
  private final double high;
  private final boolean highClosed;

  private Range(String text, double low, boolean lowClosed, double high, boolean highClosed) {
    this.text = text;
    this.low = low;
    this.lowClosed = lowClosed;
    this.high = high;
    this.highClosed = highClosed;
  }

  /** Reads a range; an empty text allows every finite number. */
  static Range parse(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return new Range("", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
    }
    Matcher b = BOUND.matcher(t);
    if (b.matches()) {
      return new Range(t, Double.parseDouble(b.group(2)), b.group(1).equals(">="),
          Double.POSITIVE_INFINITY, true);
    }
    Matcher i = INTERVAL.matcher(t);
    if (i.matches()) {
      return new Range(t, Double.parseDouble(i.group(2)), i.group(1).equals("["),
          Double.parseDouble(i.group(3)), i.group(4).equals("]"));
    }
    // A programming error in a @Key annotation, found by the schema test, never by a user.
    throw new IllegalStateException("cannot read range '" + text + "'; write '>= a', '> a' or "
        + "an interval such as '[a, b)'");
  }

  boolean contains(double v) {
    return (lowClosed ? v >= low : v > low) && (highClosed ? v <= high : v < high);
  }

  /** "must be >= 1" or "must be in [0, 1)", to follow a key path in a message. */
  String mustBe() {
    return text.startsWith(">") ? "must be " + text : "must be in " + text;
  }

  @Override
  public String toString() {
    return text;
  }
}
