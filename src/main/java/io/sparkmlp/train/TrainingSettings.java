package io.sparkmlp.train;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.io.Location;
import java.util.Map;

/**
 * What the engine reads of one fit's settings. {@code model.FitOptions} is the record that holds
 * them, with their defaults and checks; its components implement these methods, so every
 * setting is still written once.
 */
public interface TrainingSettings {
  /** Examples per step, over all partitions together. */
  Integer batchSize();

  /** The epoch count training ends at (1-based: epochs 0 .. epochs-1 run). */
  Integer epochs();

  /** The 0-based epoch to start at where no checkpoint is resumed. */
  Integer initialEpoch();

  /** Fraction of the training rows held out for validation (the last ones), or 0. */
  Double validationSplit();

  /** Whether each epoch visits the rows in a new order. */
  Boolean shuffle();

  /** Where checkpoints go; null for none. */
  Location checkpointDir();

  /** Epochs between checkpoints (one is also written after the last). */
  Integer checkpointEvery();

  /** Whether to continue from the checkpoint in checkpointDir when there is one. */
  Boolean resume();

  /** Validation features given explicitly, or null. */
  Matrix validationX();

  /** Validation labels given explicitly, or null. */
  Matrix validationY();

  /** Class index to the weight its rows' losses are multiplied by; empty for none. */
  Map<Integer, Double> classWeight();

  /** Whether epoch (0-based) is one to validate after. */
  boolean validates(int epoch);

  /** The seed of shuffling and dropout: the settings' own, else the model's. */
  long seedOr(long modelSeed);
}
