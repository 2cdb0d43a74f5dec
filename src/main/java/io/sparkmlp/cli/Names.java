package io.sparkmlp.cli;

import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.nn.Loss;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.util.IllegalSettingException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Families of Keras names a configuration value can be checked against. Each delegates to the
 * runtime's own {@code byName}, so a bad name in a file reads exactly like a bad name in code,
 * and a name the runtime learns is accepted here without a change.
 */
public enum Names {
  ACTIVATION(s -> Activation.byName(s).kerasName(),
      Arrays.stream(Activation.values()).map(Activation::kerasName).toList()),
  LOSS(s -> Loss.byName(s).kerasName(),
      Arrays.stream(Loss.values()).map(Loss::kerasName).toList()),
  OPTIMIZER(s -> Optimizers.byName(s).name(), Optimizers.NAMES),
  METRIC(s -> Metric.byName(s).kerasName(),
      Arrays.stream(Metric.values()).map(Metric::kerasName).toList()),
  INITIALIZER(s -> Initializer.byName(s).kerasName(),
      Arrays.stream(Initializer.values()).map(Initializer::kerasName).toList());

  private final Function<String, String> canonical;
  private final List<String> choices;

  Names(Function<String, String> canonical, List<String> choices) {
    this.canonical = canonical;
    this.choices = choices;
  }

  /**
   * The runtime's own spelling of name ({@code "ReLU"} gives {@code "relu"}, {@code "acc"} gives
   * {@code "accuracy"}), so a resolved configuration names things one way.
   *
   * @param component the record component that holds the name
   * @param index the name's index in a list component, or -1
   * @throws IllegalSettingException with the runtime's message when the name is unknown
   */
  public String canonical(String component, int index, String name) {
    try {
      return canonical.apply(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalSettingException(component, index, ": " + e.getMessage());
    }
  }

  /** The canonical names, for the reference. */
  public List<String> choices() {
    return choices;
  }
}
