package io.sparkmlp.train;

import io.sparkmlp.io.Location;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.optim.OptimizerState;
import java.util.List;
import java.util.Map;

/**
 * What the engine trains: a compiled network, its flat parameters and the optimizer with its
 * state, all updated in place. {@code model.Sequential} is the one users build; the engine
 * needs nothing else of it, so it does not depend on the Keras-style face.
 */
public interface Trainable {
  /** The network: architecture and loss. */
  Network network();

  /** The live flat parameters (layout: {@code network().layout()}), updated in place. */
  float[] params();

  /** A first-order optimizer, or L-BFGS's settings. */
  Minimizer optimizer();

  /** The live optimizer state (moments, step count). */
  OptimizerState optimizerState();

  /** Replaces the optimizer state (after local steps, or restored from a checkpoint). */
  void optimizerState(OptimizerState state);

  /** The metrics reported beside the loss. */
  List<Metric> metrics();

  /** Seeds the initial weights, and shuffling and dropout unless the fit settings give one. */
  long seed();

  /**
   * Saves the model with extra files (a checkpoint's training state) in one atomic step to a
   * local path or a Hadoop location.
   */
  void save(Location dir, Map<String, byte[]> extraFiles);
}
