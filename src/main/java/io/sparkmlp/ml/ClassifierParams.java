package io.sparkmlp.ml;

import org.apache.spark.ml.param.Param;

/** The classifier's extra output columns, named as MLlib's probabilistic classifiers name them. */
public interface ClassifierParams extends MLPParams {
  /** Class probabilities: the softmax outputs, a Vector of numClasses values. */
  Param<String> probabilityCol();

  /** The output layer's logits (before the softmax), a Vector of numClasses values. */
  Param<String> rawPredictionCol();

  default String getProbabilityCol() {
    return (String) getOrDefault(probabilityCol());
  }

  default String getRawPredictionCol() {
    return (String) getOrDefault(rawPredictionCol());
  }

  /** Creates the probabilityCol param for its owner and sets its default. */
  static Param<String> newProbabilityCol(ClassifierParams owner) {
    Param<String> p = new Param<>(owner, "probabilityCol", "column of class probabilities "
        + "(a Vector); empty to leave it out");
    owner.setDefault(p, "probability");
    return p;
  }

  /** Creates the rawPredictionCol param for its owner and sets its default. */
  static Param<String> newRawPredictionCol(ClassifierParams owner) {
    Param<String> p = new Param<>(owner, "rawPredictionCol", "column of the output layer's "
        + "logits (a Vector); empty to leave it out");
    owner.setDefault(p, "rawPrediction");
    return p;
  }
}
