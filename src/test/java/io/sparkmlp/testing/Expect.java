package io.sparkmlp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/**
 * Error-message assertions shared by every package's tests (import them statically). Errors
 * are for people: each must be thrown as the documented type (IllegalArgumentException for
 * the caller's mistakes, unless a type is given), fit on one line (the CLI prints it as one),
 * and name what went wrong, which the fragments pin.
 */
public final class Expect {
  private Expect() {}

  /**
   * Asserts call throws an IllegalArgumentException with a one-line message that holds every
   * fragment; returns the message for further checks.
   */
  public static String assertFails(Executable call, String... fragments) {
    return assertFails(IllegalArgumentException.class, call, fragments);
  }

  /** As {@link #assertFails(Executable, String...)} for an exception of the given type. */
  public static String assertFails(Class<? extends Throwable> type, Executable call,
                                   String... fragments) {
    return check(assertThrows(type, call), fragments);
  }

  /** Asserts call throws an IllegalArgumentException whose message is exactly expected. */
  public static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertFails(call));
  }

  /**
   * As {@link #assertFails(Executable, String...)} for an IllegalArgumentException thrown
   * directly or as a cause of what call throws: errors in Spark tasks reach the driver wrapped
   * in a job failure.
   */
  public static String assertFailsInChain(Executable call, String... fragments) {
    Throwable thrown = assertThrows(Throwable.class, call);
    List<Throwable> chain = new ArrayList<>();
    for (Throwable c = thrown; c != null && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    Throwable e = chain.stream().filter(IllegalArgumentException.class::isInstance).findFirst()
        .orElseThrow(() -> new AssertionError("no IllegalArgumentException in the chain", thrown));
    return check(e, fragments);
  }

  /**
   * Asserts a message (an exception's, or a line the CLI printed) is one line that holds every
   * fragment; returns it.
   */
  public static String assertMentions(String message, String... fragments) {
    assertNotNull(message, "no message");
    for (String f : fragments) {
      assertTrue(message.contains(f), () -> "'" + message + "' should mention '" + f + "'");
    }
    assertFalse(message.contains("\n") || message.contains("\r"),
        () -> "not one line: " + message);
    return message;
  }

  private static String check(Throwable e, String... fragments) {
    assertNotNull(e.getMessage(), () -> e.getClass().getName() + " without a message");
    return assertMentions(e.getMessage(), fragments);
  }
}
