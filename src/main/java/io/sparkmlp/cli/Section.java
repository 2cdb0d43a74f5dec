package io.sparkmlp.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record that is one section of a run configuration, for the reference. A record
 * that is one variant of a list of sections (a layer) names its {@link #type}: the value of the
 * {@code type} key that selects it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Section {
  /** What the section is for, one or two sentences. */
  String doc();

  /** The {@code type} value that selects this variant ({@code dense}); empty for plain sections. */
  String type() default "";
}
