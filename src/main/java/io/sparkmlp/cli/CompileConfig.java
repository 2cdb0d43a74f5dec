package io.sparkmlp.cli;

import io.sparkmlp.optim.OptimizerConfig;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.util.Checks;
import io.sparkmlp.util.IllegalSettingException;
import java.util.ArrayList;
import java.util.List;

/** The {@code compile} section: Keras's {@code model.compile(loss, optimizer, metrics)}. */
@JsonClassDescription("Keras's model.compile: the loss to minimise, the optimizer, the metrics "
    + "to report.")
public record CompileConfig(
    @JsonProperty(required = true)
    @JsonPropertyDescription("the loss; sparse_categorical_crossentropy takes class indices, "
        + "categorical_crossentropy one-hot rows (see preprocessing.one_hot)")
    String loss,
    @JsonProperty(required = true)
    @JsonPropertyDescription("a Keras name with Keras's defaults, or {name: adam, learning_rate: "
        + "0.001, beta_1: ..., clipnorm: ...}; learning_rate may be a schedule {class_name: "
        + "ExponentialDecay, config: {...}}")
    OptimizerConfig optimizer,
    @JsonPropertyDescription("reported next to the loss each epoch, and with val_ for validation "
        + "data")
    List<String> metrics) {
  public static final List<String> DEFAULT_METRICS = List.of();

  public CompileConfig {
    Checks.setting(loss != null, "loss", "is required");
    loss = Names.LOSS.canonical("loss", -1, loss);
    Checks.setting(optimizer != null, "optimizer", "is required");
    List<String> canonical = new ArrayList<>();
    for (String m : metrics == null ? DEFAULT_METRICS : metrics) {
      if (m == null) {
        throw new IllegalSettingException("metrics", canonical.size(), "must be a string, got "
            + "null");
      }
      canonical.add(Names.METRIC.canonical("metrics", canonical.size(), m));
    }
    metrics = List.copyOf(canonical);
  }
}
