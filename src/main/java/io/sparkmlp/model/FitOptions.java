package io.sparkmlp.model;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.util.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one {@code fit} call, Keras's keyword arguments as a builder:
 * <pre>{@code
 * FitOptions.builder().batchSize(128).epochs(10).validationSplit(0.1).seed(7)
 *     .callbacks(new EarlyStopping("val_loss", 3).restoreBestWeights(true)).build()
 * }</pre>
 */
public final class FitOptions {
  public static final int DEFAULT_BATCH_SIZE = 32;
  public static final int DEFAULT_EPOCHS = 1;

  private final int batchSize;
  private final int epochs;
  private final int initialEpoch;
  private final double validationSplit;
  private final Matrix validationX;
  private final Matrix validationY;
  private final boolean shuffle;
  private final Long seed;
  private final int verbose;
  private final List<Callback> callbacks;

  private FitOptions(Builder b) {
    this.batchSize = b.batchSize;
    this.epochs = b.epochs;
    this.initialEpoch = b.initialEpoch;
    this.validationSplit = b.validationSplit;
    this.validationX = b.validationX;
    this.validationY = b.validationY;
    this.shuffle = b.shuffle;
    this.seed = b.seed;
    this.verbose = b.verbose;
    this.callbacks = List.copyOf(b.callbacks);
  }

  public static Builder builder() {
    return new Builder();
  }

  public int batchSize() {
    return batchSize;
  }

  public int epochs() {
    return epochs;
  }

  /** The 0-based epoch to start at, for resuming (Keras's initial_epoch). */
  public int initialEpoch() {
    return initialEpoch;
  }

  public double validationSplit() {
    return validationSplit;
  }

  /** Validation features given explicitly, or null. */
  public Matrix validationX() {
    return validationX;
  }

  public Matrix validationY() {
    return validationY;
  }

  public boolean shuffle() {
    return shuffle;
  }

  /** The seed for shuffling and dropout, or null to use the model's seed. */
  public Long seed() {
    return seed;
  }

  /** 0 silent, 1 one progress line per epoch. */
  public int verbose() {
    return verbose;
  }

  public List<Callback> callbacks() {
    return callbacks;
  }

  /** Builder with Keras's defaults: batch 32, 1 epoch, shuffled, verbose. */
  public static final class Builder {
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int epochs = DEFAULT_EPOCHS;
    private int initialEpoch;
    private double validationSplit;
    private Matrix validationX;
    private Matrix validationY;
    private boolean shuffle = true;
    private Long seed;
    private int verbose = 1;
    private final List<Callback> callbacks = new ArrayList<>();

    public Builder batchSize(int batchSize) {
      this.batchSize = Checks.positive(batchSize, "batchSize");
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = Checks.positive(epochs, "epochs");
      return this;
    }

    /**
     * Starts at this 0-based epoch, as Keras's initial_epoch: a model saved after epoch k and
     * loaded again continues with {@code initialEpoch(k)} exactly where it stopped.
     */
    public Builder initialEpoch(int initialEpoch) {
      Checks.argument(initialEpoch >= 0, "initialEpoch must be >= 0, got %s", initialEpoch);
      this.initialEpoch = initialEpoch;
      return this;
    }

    /** Fraction of the training rows, taken from the end before shuffling, held out (Keras). */
    public Builder validationSplit(double fraction) {
      this.validationSplit = Checks.fraction(fraction, "validationSplit");
      return this;
    }

    public Builder validationData(Matrix x, Matrix y) {
      Checks.argument(x != null && y != null, "validationData needs both x and y");
      this.validationX = x;
      this.validationY = y;
      return this;
    }

    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder verbose(int verbose) {
      Checks.argument(verbose == 0 || verbose == 1, "verbose must be 0 or 1, got %s", verbose);
      this.verbose = verbose;
      return this;
    }

    public Builder callbacks(Callback... callbacks) {
      this.callbacks.addAll(List.of(callbacks));
      return this;
    }

    public FitOptions build() {
      Checks.argument(initialEpoch < epochs, "initialEpoch %s must be below epochs %s",
          initialEpoch, epochs);
      Checks.argument(validationX == null || validationSplit == 0,
          "give either validationData or validationSplit, not both");
      return new FitOptions(this);
    }
  }
}
