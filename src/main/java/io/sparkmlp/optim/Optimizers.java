package io.sparkmlp.optim;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Optimizers by Keras's string names, and rebuilt from their configs.
 *
 * <pre>
 *   Optimizers.byName("adam")                                  // Keras's defaults
 *   Optimizers.fromConfig(opt.name(), opt.config())            // an equal optimizer
 * </pre>
 */
public final class Optimizers {
  private Optimizers() {}

  /** The names {@link #byName} and {@link #fromConfig} accept (ignoring case). */
  public static final List<String> NAMES =
      List.of(Sgd.NAME, Adam.NAME, AdamW.NAME, RmsProp.NAME, Adagrad.NAME, Lbfgs.NAME);

  /** The optimizer with this Keras name ({@link #NAMES}, any case) and Keras's defaults. */
  public static Minimizer byName(String name) {
    return fromConfig(name, Map.of());
  }

  /**
   * The optimizer that {@code config} describes, as {@link Optimizer#config()} writes it: bound
   * to the optimizer's settings record ({@code Adam.Settings}, ...). Keys left out take Keras's
   * defaults; unknown keys are errors that list the allowed ones. Numbers
   * may be any {@link Number} or a numeric string; {@code learning_rate} may be a number or
   * {@code {"class_name": "ExponentialDecay", "config": {...}}}.
   */
  public static Minimizer fromConfig(String name, Map<String, ?> config) {
    String key = canonical(name);
    return switch (key) {
      case Sgd.NAME -> new Sgd(Configs.bind(key, config, Sgd.Settings.class));
      case Adam.NAME -> new Adam(Configs.bind(key, config, Adam.Settings.class));
      case AdamW.NAME -> new AdamW(Configs.bind(key, config, AdamW.Settings.class));
      case RmsProp.NAME -> new RmsProp(Configs.bind(key, config, RmsProp.Settings.class));
      case Lbfgs.NAME -> Lbfgs.read(config);
      default -> new Adagrad(Configs.bind(key, config, Adagrad.Settings.class));
    };
  }

  private static String canonical(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (!NAMES.contains(key)) {
      throw new IllegalArgumentException(String.format(
          "unknown optimizer '%s'; expected one of: %s", name, String.join(", ", NAMES)));
    }
    return key;
  }
}
