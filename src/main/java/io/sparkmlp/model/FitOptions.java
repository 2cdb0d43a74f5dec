package io.sparkmlp.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.io.Location;
import io.sparkmlp.train.TrainingSettings;
import io.sparkmlp.util.Checks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings of one {@code fit} call: Keras's keyword arguments, plus checkpoints. Components
 * left null take their defaults here, in the compact constructor, which also checks every
 * range; YAML's {@code fit:} section binds here, one to one, and the Spark ML params use these
 * constants, so a default or a range is written once, here. Components that only code can give
 * (matrices, callbacks, the resume state) are {@code @JsonIgnore}d: a configuration cannot
 * name them. In code, the builder reads best:
 * <pre>{@code
 * FitOptions.builder().batchSize(128).epochs(10).validationSplit(0.1).seed(7)
 *     .callbacks(new EarlyStopping("val_loss", 3).restoreBestWeights(true)).build()
 * }</pre>
 *
 * @param batchSize examples per step (over all partitions together when distributed)
 * @param epochs passes over the training data
 * @param initialEpoch the 0-based epoch to start at, for resuming (Keras's initial_epoch)
 * @param validationSplit fraction of the training rows held out for validation (Keras takes
 *     them from the end, before shuffling)
 * @param shuffle whether each epoch visits the rows in a new order
 * @param seed seeds shuffling and dropout; null uses the model's seed
 * @param verbose 0 silent, 1 one progress line per epoch
 * @param checkpointDir where checkpoints go (a local path or a Hadoop URI); null for none
 * @param checkpointEvery epochs between checkpoints (one is also written after the last)
 * @param resume continue from the checkpoint in checkpointDir when there is one
 * @param validationX validation features given explicitly, or null
 * @param validationY validation labels given explicitly, or null
 * @param callbacks called at the start and end of training and after each epoch
 * @param classWeight Keras's class_weight: a weight per class index that multiplies the weight
 *     of each training row of that class (its label, or the argmax of a one-hot label; the
 *     rounded target of a single sigmoid output); every class in the labels needs one. Empty
 *     for none
 * @param validationFreq validate every this many epochs (Keras's validation_freq): after
 *     epochs validationFreq, 2·validationFreq, ... (1-based); the other epochs' logs have no
 *     val_ entries, and callbacks that monitor one skip them
 */
@JsonClassDescription("Keras's model.fit arguments.")
public record FitOptions(
    @JsonPropertyDescription("global batch size (>= 1): examples per step over all partitions "
        + "together")
    Integer batchSize,
    @JsonPropertyDescription("passes over the training data (>= 1)")
    Integer epochs,
    @JsonIgnore Integer initialEpoch,
    @JsonPropertyDescription("fraction of the training examples held out for validation, in "
        + "[0, 1) (the alternative to data.validation)")
    Double validationSplit,
    @JsonPropertyDescription("whether each epoch visits the examples in a new order")
    Boolean shuffle,
    @JsonPropertyDescription("seeds shuffling and dropout; unset, model.seed")
    Long seed,
    @JsonIgnore Integer verbose,
    @JsonIgnore Location checkpointDir,
    @JsonPropertyDescription("epochs between checkpoints in the output directory (>= 1; and one "
        + "after the last)")
    Integer checkpointEvery,
    @JsonIgnore Boolean resume,
    @JsonIgnore Matrix validationX,
    @JsonIgnore Matrix validationY,
    @JsonIgnore List<Callback> callbacks,
    @JsonPropertyDescription("Keras's class_weight: a map of class index (0, 1, ...) to the "
        + "weight (>= 0) that multiplies the loss of that class's examples; every class in the "
        + "labels needs one; unset, all 1")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)  // a resolved config without weights omits it
    Map<Integer, Double> classWeight,
    @JsonPropertyDescription("validate every this many epochs (>= 1), after epochs n, 2n, ...; "
        + "Keras's validation_freq")
    Integer validationFreq) implements TrainingSettings {
  public static final int DEFAULT_BATCH_SIZE = 32;
  public static final int DEFAULT_EPOCHS = 1;
  public static final int DEFAULT_INITIAL_EPOCH = 0;
  public static final double DEFAULT_VALIDATION_SPLIT = 0.0;
  public static final boolean DEFAULT_SHUFFLE = true;
  public static final int DEFAULT_VERBOSE = 1;
  public static final int DEFAULT_CHECKPOINT_EVERY = 1;
  public static final boolean DEFAULT_RESUME = false;
  public static final int DEFAULT_VALIDATION_FREQ = 1;

  /** Keras's defaults throughout: batch 32, 1 epoch, shuffled, verbose, no checkpoints. */
  public static final FitOptions DEFAULTS = builder().build();

  public FitOptions {
    batchSize = batchSize == null ? DEFAULT_BATCH_SIZE : batchSize;
    epochs = epochs == null ? DEFAULT_EPOCHS : epochs;
    initialEpoch = initialEpoch == null ? DEFAULT_INITIAL_EPOCH : initialEpoch;
    validationSplit = validationSplit == null ? DEFAULT_VALIDATION_SPLIT : validationSplit;
    shuffle = shuffle == null ? DEFAULT_SHUFFLE : shuffle;
    verbose = verbose == null ? DEFAULT_VERBOSE : verbose;
    checkpointEvery = checkpointEvery == null ? DEFAULT_CHECKPOINT_EVERY : checkpointEvery;
    resume = resume == null ? DEFAULT_RESUME : resume;
    callbacks = callbacks == null ? List.of() : List.copyOf(callbacks);
    classWeight = classWeight == null ? Map.of() : classWeights(classWeight);
    validationFreq = validationFreq == null ? DEFAULT_VALIDATION_FREQ : validationFreq;
    Checks.positive(batchSize, "batchSize");
    Checks.positive(epochs, "epochs");
    Checks.argument(initialEpoch >= 0, "initialEpoch must be >= 0, got %s", initialEpoch);
    Checks.argument(initialEpoch < epochs, "initialEpoch %s must be below epochs %s",
        initialEpoch, epochs);
    Checks.fraction(validationSplit, "validationSplit");
    Checks.argument(verbose == 0 || verbose == 1, "verbose must be 0 or 1, got %s", verbose);
    Checks.positive(checkpointEvery, "checkpointEvery");
    Checks.positive(validationFreq, "validationFreq");
    Checks.argument(!resume || checkpointDir != null, "resume needs a checkpointDir");
    Checks.argument((validationX == null) == (validationY == null),
        "validationData needs both x and y");
    Checks.argument(validationX == null || validationSplit == 0,
        "give either validationData or validationSplit, not both");
  }

  /** A checked, immutable copy of a class_weight map. */
  private static Map<Integer, Double> classWeights(Map<Integer, Double> classWeight) {
    for (Map.Entry<Integer, Double> e : classWeight.entrySet()) {
      Checks.setting(e.getKey() != null && e.getKey() >= 0, "classWeight", "has class %s; "
          + "classes are indices >= 0", e.getKey());
      Checks.setting(e.getValue() != null && e.getValue() >= 0
          && e.getValue() <= Double.MAX_VALUE, "classWeight", "of class %s is %s; every weight "
          + "must be finite and >= 0", e.getKey(), e.getValue());
    }
    return Map.copyOf(classWeight);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder().batchSize(batchSize).epochs(epochs).initialEpoch(initialEpoch)
        .validationSplit(validationSplit).shuffle(shuffle).verbose(verbose)
        .checkpointDir(checkpointDir).checkpointEvery(checkpointEvery).resume(resume)
        .callbacks(callbacks.toArray(new Callback[0])).classWeight(classWeight)
        .validationFreq(validationFreq);
    b.seed = seed;
    if (validationX != null) {
      b.validationData(validationX, validationY);
    }
    return b;
  }

  /** Whether validation runs after epoch (0-based): every validationFreq-th epoch. */
  public boolean validates(int epoch) {
    return (epoch + 1) % validationFreq == 0;
  }

  /** The seed for shuffling and dropout: this one, else the model's. */
  public long seedOr(long modelSeed) {
    return seed != null ? seed : modelSeed;
  }

  /**
   * Collects settings by name; {@link #build} applies the defaults and checks. Unset settings
   * stay null here, so the record's constants are the only defaults.
   */
  public static final class Builder {
    private Integer batchSize;
    private Integer epochs;
    private Integer initialEpoch;
    private Double validationSplit;
    private Boolean shuffle;
    private Long seed;
    private Integer verbose;
    private Location checkpointDir;
    private Integer checkpointEvery;
    private Boolean resume;
    private Matrix validationX;
    private Matrix validationY;
    private final List<Callback> callbacks = new ArrayList<>();
    private Map<Integer, Double> classWeight;
    private Integer validationFreq;

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /**
     * Starts at this 0-based epoch, as Keras's initial_epoch: a model saved after epoch k and
     * loaded again continues with {@code initialEpoch(k)} exactly where it stopped.
     */
    public Builder initialEpoch(int initialEpoch) {
      this.initialEpoch = initialEpoch;
      return this;
    }

    public Builder validationSplit(double fraction) {
      this.validationSplit = fraction;
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
      this.verbose = verbose;
      return this;
    }

    /** Where checkpoints (a model directory plus training.json) go; null for none. */
    public Builder checkpointDir(Path dir) {
      this.checkpointDir = dir == null ? null : Location.of(dir);
      return this;
    }

    /** Where checkpoints go, a local path or a Hadoop URI ({@code hdfs://...}); null for none. */
    public Builder checkpointDir(Location dir) {
      this.checkpointDir = dir;
      return this;
    }

    public Builder checkpointEvery(int epochs) {
      this.checkpointEvery = epochs;
      return this;
    }

    /** Continue from the checkpoint in the checkpoint directory when there is one. */
    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    public Builder callbacks(Callback... callbacks) {
      this.callbacks.addAll(List.of(callbacks));
      return this;
    }

    /** Keras's class_weight: class index to the factor its rows' weights are multiplied by. */
    public Builder classWeight(Map<Integer, Double> classWeight) {
      this.classWeight = classWeight;
      return this;
    }

    /** Validates every this many epochs (Keras's validation_freq), >= 1. */
    public Builder validationFreq(int epochs) {
      this.validationFreq = epochs;
      return this;
    }

    public FitOptions build() {
      return new FitOptions(batchSize, epochs, initialEpoch, validationSplit, shuffle, seed,
          verbose, checkpointDir, checkpointEvery, resume, validationX, validationY, callbacks,
          classWeight, validationFreq);
    }
  }
}
