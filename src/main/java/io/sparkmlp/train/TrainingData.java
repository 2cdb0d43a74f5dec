package io.sparkmlp.train;

import io.sparkmlp.data.DataChecks;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.nn.Targets;
import io.sparkmlp.util.Checks;
import java.util.Arrays;

/**
 * Training and validation matrices checked against a network once, before the first step:
 * widths, row counts, finite features, labels that fit the loss, weights finite and >= 0.
 * Applies Keras's validation_split (the last fraction of rows, before shuffling; sample weights
 * split with them) and class_weight (training rows only, as Keras does).
 *
 * @param w the training rows' weights (sample weights times class weights), or null when the
 *     rows are unweighted
 * @param wVal the validation rows' sample weights, or null
 */
public record TrainingData(Matrix x, Matrix y, float[] w, Matrix xVal, Matrix yVal,
                           float[] wVal) {

  public boolean hasValidation() {
    return xVal != null && xVal.rows() > 0;
  }

  /** Checks x, y (and validation data from the options) against the network and splits. */
  public static TrainingData of(Network net, Matrix x, Matrix y, TrainingSettings options) {
    return of(net, x, y, null, options);
  }

  /**
   * As {@link #of(Network, Matrix, Matrix, TrainingSettings)} with one weight per row of x (null:
   * unweighted), and the options' class weights applied.
   */
  public static TrainingData of(Network net, Matrix x, Matrix y, float[] sampleWeight,
                                TrainingSettings options) {
    check(net, x, y, "x", "y");
    Checks.argument(x.rows() > 0, "x has no rows; there is nothing to train on");
    if (sampleWeight != null) {
      Checks.argument(sampleWeight.length == x.rows(), "sampleWeight has %s values but x has "
          + "%s rows", sampleWeight.length, x.rows());
      SampleWeights.check(sampleWeight, 0, x.rows(), "sampleWeight", 0);
    }
    TrainingData data;
    if (options.validationX() != null) {
      check(net, options.validationX(), options.validationY(), "validation x", "validation y");
      data = new TrainingData(x, y, sampleWeight, options.validationX(), options.validationY(),
          null);
    } else if (options.validationSplit() > 0) {
      int split = (int) (x.rows() * (1 - options.validationSplit()));
      Checks.argument(split > 0 && split < x.rows(), "validationSplit %s of %s rows leaves %s "
          + "for training and %s for validation; both need at least one",
          options.validationSplit(), x.rows(), split, x.rows() - split);
      data = new TrainingData(x.slice(0, split), y.slice(0, split),
          sampleWeight == null ? null : Arrays.copyOfRange(sampleWeight, 0, split),
          x.slice(split, x.rows()), y.slice(split, y.rows()),
          sampleWeight == null ? null : Arrays.copyOfRange(sampleWeight, split, x.rows()));
    } else {
      data = new TrainingData(x, y, sampleWeight, null, null, null);
    }
    if (!options.classWeight().isEmpty()) {
      data = new TrainingData(data.x, data.y,
          ClassWeights.apply(options.classWeight(), net, data.y, data.w), data.xVal, data.yVal,
          data.wVal);
    }
    Checks.argument(data.w == null || SampleWeights.sum(data.w, 0, data.x.rows()) > 0,
        "the training rows' weights sum to 0; at least one row needs a positive weight");
    return data;
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
