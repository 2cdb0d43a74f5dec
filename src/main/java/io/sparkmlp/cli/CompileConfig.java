package io.sparkmlp.cli;

import java.util.List;

/** The {@code compile} section: Keras's {@code model.compile(loss, optimizer, metrics)}. */
@Section(doc = "Keras's model.compile: the loss to minimise, the optimizer, the metrics to "
    + "report.")
public record CompileConfig(
    @Key(name = "loss", names = Names.LOSS,
        doc = "the loss; sparse_categorical_crossentropy takes class indices, "
            + "categorical_crossentropy one-hot rows (see preprocessing.one_hot)")
    String loss,
    @Key(name = "optimizer", names = Names.OPTIMIZER,
        doc = "a Keras name with Keras's defaults, or {name: adam, learning_rate: 0.001, "
            + "beta_1: ..., clipnorm: ...}; learning_rate may be a schedule {class_name: "
            + "ExponentialDecay, config: {...}}")
    OptimizerConfig optimizer,
    @Key(name = "metrics", defaultValue = "[]", names = Names.METRIC,
        doc = "reported next to the loss each epoch, and with val_ for validation data")
    List<String> metrics) {

  public CompileConfig {
    metrics = List.copyOf(metrics);
  }
}
