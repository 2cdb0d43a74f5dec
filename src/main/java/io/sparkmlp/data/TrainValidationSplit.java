package io.sparkmlp.data;

import io.sparkmlp.util.Checks;
import io.sparkmlp.util.Seeds;

/**
 * Features and labels split into a training part and a validation part, row for row.
 *
 * <p>Both ways of splitting keep {@code floor(n * (1 - validationFraction))} rows for training,
 * Keras's count, and the rest for validation:
 * {@link #splitTail} takes the last rows without shuffling, which is what Keras's
 * {@code fit(validation_split=...)} does; {@link #split} shuffles first.
 *
 * @param xTrain training features (nTrain, xCols)
 * @param yTrain training labels (nTrain, yCols)
 * @param xVal validation features (nVal, xCols)
 * @param yVal validation labels (nVal, yCols)
 */
public record TrainValidationSplit(Matrix xTrain, Matrix yTrain, Matrix xVal, Matrix yVal) {
  /** Coordinate that derives the split's shuffle from the user's seed, apart from other streams. */
  static final long SHUFFLE_STREAM = 0x5B117L;

  /**
   * Shuffles the rows of x and y with one permutation drawn from
   * {@code Seeds.mix(seed, SHUFFLE_STREAM)}, then keeps the first part for training and the
   * rest for validation. The same seed gives the same split.
   */
  public static TrainValidationSplit split(Matrix x, Matrix y, double validationFraction,
                                           long seed) {
    int train = trainRows(x, y, validationFraction);
    int[] perm = Seeds.permutation(x.rows(), Seeds.mix(seed, SHUFFLE_STREAM));
    return new TrainValidationSplit(x.selectRows(perm, 0, train), y.selectRows(perm, 0, train),
        x.selectRows(perm, train, x.rows()), y.selectRows(perm, train, x.rows()));
  }

  /**
   * Keeps the rows in order: the first part for training, the last
   * {@code n - floor(n * (1 - validationFraction))} rows for validation, as Keras's
   * {@code validation_split} does (before any shuffling).
   */
  public static TrainValidationSplit splitTail(Matrix x, Matrix y, double validationFraction) {
    int train = trainRows(x, y, validationFraction);
    return new TrainValidationSplit(x.slice(0, train), y.slice(0, train),
        x.slice(train, x.rows()), y.slice(train, x.rows()));
  }

  /** Training rows, after checking the inputs; a nonzero fraction must leave both parts rows. */
  static int trainRows(Matrix x, Matrix y, double validationFraction) {
    Checks.fraction(validationFraction, "validationFraction");
    DataChecks.requireSameRows(x, y);
    int n = x.rows();
    int train = (int) Math.floor(n * (1.0 - validationFraction));
    Checks.argument(validationFraction == 0 || (train > 0 && train < n),
        "%s rows cannot be split into training and validation sets with validationFraction "
            + "%s (that leaves %s training and %s validation rows); use more data or another "
            + "fraction", n, validationFraction, train, n - train);
    return train;
  }

  /** Number of training rows. */
  public int trainSize() {
    return xTrain.rows();
  }

  /** Number of validation rows. */
  public int validationSize() {
    return xVal.rows();
  }
}
