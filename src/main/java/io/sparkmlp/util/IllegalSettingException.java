package io.sparkmlp.util;

/**
 * A setting's value is out of range or unknown, and the exception says which setting: the
 * record component it is about ({@code batchSize}), and for a list the item's index. Thrown by
 * the checks of configuration records (their compact constructors), so that whoever bound the
 * record (the CLI's loader) can place the mistake at its key without reading the message.
 */
public class IllegalSettingException extends IllegalArgumentException {
  private final String component;
  private final int index;
  private final String problem;

  /**
   * @param component the record component, as the record names it ({@code batchSize})
   * @param problem what is wrong, as it follows the name: {@code "must be >= 1, got 0"}
   */
  public IllegalSettingException(String component, String problem) {
    this(component, -1, problem);
  }

  /** As {@link #IllegalSettingException(String, String)} for item index of a list component. */
  public IllegalSettingException(String component, int index, String problem) {
    super(message(component, index, problem));
    this.component = component;
    this.index = index;
    this.problem = problem;
  }

  /**
   * The message with another name for the setting, e.g. the key path a configuration file
   * gives it: {@code fit.batch_size must be >= 1, got 0}.
   */
  public String messageFor(String name) {
    return message(name, index, problem);
  }

  private static String message(String name, int index, String problem) {
    return name + (index >= 0 ? "[" + index + "]" : "") + (problem.startsWith(":") ? "" : " ")
        + problem;
  }

  /** The record component the value was given for. */
  public String component() {
    return component;
  }

  /** The index of the item in a list component, or -1. */
  public int index() {
    return index;
  }

  /** The message without the component's name: "must be >= 1, got 0", ": unknown loss 'x'". */
  public String problem() {
    return problem;
  }
}
