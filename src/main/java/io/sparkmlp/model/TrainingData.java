package io.sparkmlp.model;

import io.sparkmlp.data.DataChecks;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Targets;
import io.sparkmlp.util.Checks;

/**
 * Training and validation matrices checked against a network once, before the first step:
 * widths, row counts, finite features, labels that fit the loss. Applies Keras's
 * validation_split (the last fraction of rows, before shuffling).
 */
public record TrainingData(Matrix x, Matrix y, Matrix xVal, Matrix yVal) {

  public boolean hasValidation() {
    return xVal != null && xVal.rows() > 0;
  }

  /** Checks x, y (and validation data from the options) against the network and splits. */
  public static TrainingData of(Network net, Matrix x, Matrix y, FitOptions options) {
    check(net, x, y, "x", "y");
    Checks.argument(x.rows() > 0, "x has no rows; there is nothing to train on");
    if (options.validationX() != null) {
      check(net, options.validationX(), options.validationY(), "validation x", "validation y");
      return new TrainingData(x, y, options.validationX(), options.validationY());
    }
    if (options.validationSplit() > 0) {
      int split = (int) (x.rows() * (1 - options.validationSplit()));
      Checks.argument(split > 0 && split < x.rows(), "validationSplit %s of %s rows leaves %s "
          + "for training and %s for validation; both need at least one",
          options.validationSplit(), x.rows(), split, x.rows() - split);
      return new TrainingData(x.slice(0, split), y.slice(0, split), x.slice(split, x.rows()),
          y.slice(split, y.rows()));
    }
    return new TrainingData(x, y, null, null);
  }

  /** Checks one (x, y) pair against the network; names them as given in errors. */
  public static void check(Network net, Matrix x, Matrix y, String xName, String yName) {
    Checks.argument(x != null && y != null, "%s and %s must both be given", xName, yName);
    Checks.argument(x.cols() == net.inputDim(), "%s has %s columns but the model's inputDim is "
        + "%s", xName, x.cols(), net.inputDim());
    DataChecks.requireSameRows(x, y, xName, yName);
    DataChecks.requireFinite(x, xName);
    Targets.check(net.loss(), net.outputDim(), y.values(), 0, y.rows(), y.cols(), yName);
  }
}
