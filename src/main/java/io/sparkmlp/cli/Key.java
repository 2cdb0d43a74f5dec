package io.sparkmlp.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One key of a run configuration section, declared on the record component that holds it. The
 * loader ({@link ConfigBinder}), the writer ({@link ConfigWriter}) and the reference
 * ({@link ConfigReference}) all read these annotations, so a key's name, default, allowed values
 * and meaning are written once, here, next to the field.
 *
 * <pre>{@code
 * @Key(name = "batch_size", defaultValue = "" + FitOptions.DEFAULT_BATCH_SIZE, range = ">= 1",
 *      doc = "global batch size: examples per step over all partitions")
 * int batchSize
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {
  /** The {@link #defaultValue} of a key that must be given. */
  String REQUIRED = "<required>";
  /** The {@link #defaultValue} of a key that may be left out and then stays unset. */
  String UNSET = "null";

  /** The YAML name, snake_case as in Keras. */
  String name();

  /** What the key means, one sentence for the reference table. */
  String doc();

  /**
   * The default as YAML text ({@code "32"}, {@code "true"}, {@code "{}"} for a section whose keys
   * all take their defaults, {@code "[]"}), {@link #UNSET} or {@link #REQUIRED}. It goes through
   * the same conversion and checks as a value from a file.
   */
  String defaultValue() default REQUIRED;

  /**
   * How the reference shows a default that is derived after loading from other keys (for
   * example {@code fit.seed} from {@code model.seed}); empty when {@link #defaultValue} says it.
   */
  String derivedDefault() default "";

  /** The numbers allowed, as {@link Range} reads them: {@code ">= 1"}, {@code "[0, 1)"}. */
  String range() default "";

  /** The only strings allowed, when the key is a small fixed choice. */
  String[] oneOf() default {};

  /** The family of Keras names the value (or each value of a list) must belong to. */
  Names names() default Names.NONE;
}
