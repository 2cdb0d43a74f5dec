package io.sparkmlp.ml;

import io.sparkmlp.nn.Activation;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;

/** The regressor's extra params: its loss and its output layer's activation. */
public interface RegressorParams extends MLPParams {
  List<String> LOSSES = List.of("mse", "mae");
  List<String> OUTPUT_ACTIVATIONS = Arrays.stream(Activation.values())
      .filter(a -> a != Activation.SOFTMAX).map(Activation::kerasName).toList();

  /** "mse" (mean squared error) or "mae" (mean absolute error). */
  Param<String> loss();

  /** Activation of the output layer: "linear" for unbounded targets, "sigmoid" for (0, 1). */
  Param<String> outputActivation();

  default String getLoss() {
    return (String) getOrDefault(loss());
  }

  default String getOutputActivation() {
    return (String) getOrDefault(outputActivation());
  }

  /** Creates the loss param for its owner and sets its default. */
  static Param<String> newLoss(RegressorParams owner) {
    Param<String> p = new Param<>(owner, "loss", "loss to minimise, one of " + LOSSES,
        ParamValidators.inArray(LOSSES));
    owner.setDefault(p, "mse");
    return p;
  }

  /** Creates the outputActivation param for its owner and sets its default. */
  static Param<String> newOutputActivation(RegressorParams owner) {
    Param<String> p = new Param<>(owner, "outputActivation", "activation of the output "
        + "layer, one of " + OUTPUT_ACTIVATIONS, ParamValidators.inArray(OUTPUT_ACTIVATIONS));
    owner.setDefault(p, "linear");
    return p;
  }
}
