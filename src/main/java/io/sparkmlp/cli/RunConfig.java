package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.source.DataSourceConfig;
import io.sparkmlp.spark.source.PreprocessingConfig;
import io.sparkmlp.util.Json;

/**
 * One training run, as a YAML file describes it ({@code sparkmlp train --config conf/x.yaml}):
 * the data, its preprocessing, the model, how it is compiled and fitted, the Spark session and
 * the output directory. Load one with {@link ConfigLoader}; every key and its default is in
 * {@code docs/config.md} ({@link ConfigReference}).
 *
 * <p>A loaded configuration is resolved: keys left out hold their defaults, including those
 * derived from other keys ({@code fit.seed} from {@code model.seed}, a CSV label column), and
 * {@link #toYaml()} writes it out so that loading the text gives an equal configuration.
 */
@JsonClassDescription("A training run.")
public record RunConfig(
    @JsonProperty(required = true) @JsonPropertyDescription("where the examples come from")
    DataConfig data,
    @JsonPropertyDescription("transforms of the features and labels")
    PreprocessingConfig preprocessing,
    @JsonProperty(required = true) @JsonPropertyDescription("the layers")
    ModelConfig model,
    @JsonProperty(required = true) @JsonPropertyDescription("loss, optimizer, metrics")
    CompileConfig compile,
    @JsonPropertyDescription("batch size, epochs, validation")
    FitOptions fit,
    @JsonPropertyDescription("early stopping, a target loss")
    CallbacksConfig callbacks,
    @JsonPropertyDescription("partitions, tree depth, local steps")
    DistributedOptions distributed,
    @JsonPropertyDescription("the Spark session")
    SparkConfig spark,
    @JsonProperty(required = true) @JsonPropertyDescription("where results go")
    OutputConfig output) {

  public static final PreprocessingConfig DEFAULT_PREPROCESSING =
      new PreprocessingConfig(null, null, null);
  public static final FitOptions DEFAULT_FIT = FitOptions.DEFAULTS;
  public static final CallbacksConfig DEFAULT_CALLBACKS = new CallbacksConfig(null, null);
  public static final DistributedOptions DEFAULT_DISTRIBUTED = DistributedOptions.builder()
      .build();
  public static final SparkConfig DEFAULT_SPARK = new SparkConfig(null, null);

  private static final String HEADER = "# sparkmlp run configuration, resolved: defaults filled "
      + "in, command-line overrides applied.\n# Every key is described in docs/config.md.\n";

  public RunConfig {
    preprocessing = preprocessing == null ? DEFAULT_PREPROCESSING : preprocessing;
    fit = fit == null ? DEFAULT_FIT : fit;
    callbacks = callbacks == null ? DEFAULT_CALLBACKS : callbacks;
    distributed = distributed == null ? DEFAULT_DISTRIBUTED : distributed;
    spark = spark == null ? DEFAULT_SPARK : spark;
  }

  /**
   * The model, compiled, with its initial weights drawn from {@code model.seed}. The first layer
   * must declare {@code input_dim}; use {@link #buildModel(int)} when the width comes from the
   * data.
   */
  public Sequential buildModel() {
    return buildModel(0);
  }

  /**
   * The model, compiled, taking {@code inputDim} as the first layer's input width when the
   * configuration declares none.
   *
   * @param inputDim the width of the data's features; 0 when not known
   * @throws IllegalArgumentException when the width is neither declared nor given, or differs
   *     from the declared one
   */
  public Sequential buildModel(int inputDim) {
    int declared = model.declaredInputDim();
    if (declared > 0 && inputDim > 0 && declared != inputDim) {
      throw new IllegalArgumentException(String.format("the data has %d features but "
          + "model.layers[0].input_dim is %d", inputDim, declared));
    }
    return model.build(inputDim).compile(compile.loss(), optimizer(),
        compile.metrics().toArray(new String[0]));
  }

  /** A new optimizer as {@code compile.optimizer} describes it. */
  public Minimizer optimizer() {
    return compile.optimizer().build();
  }

  /**
   * The {@code distributed} settings around the given fit settings (see {@link #fitOptions}),
   * with the label and feature columns of the training source where its format names them.
   */
  public DistributedOptions distributedOptions(FitOptions fit) {
    DataSourceConfig train = data.train();
    DistributedOptions.Builder options = distributed.toBuilder().fit(fit);
    if (train.featuresColumn() != null) {
      options.featuresCol(train.featuresColumn());
    }
    if (train.labelColumn() != null) {
      options.labelCol(train.labelColumn());
    }
    return options.build();
  }

  /**
   * Fit settings from {@code fit}, with new callbacks for {@code callbacks.early_stopping} and
   * {@code callbacks.target_loss}; the caller adds what only it knows (checkpoint directory,
   * resume, verbosity, more callbacks).
   */
  public FitOptions.Builder fitOptions() {
    return fit.toBuilder().callbacks(callbacks.create().toArray(new Callback[0]));
  }

  /**
   * This configuration as YAML, every key written out (defaults and overrides included, unset
   * optional keys left out), for {@code config.yaml} in the output directory. Loading the text
   * gives a configuration equal to this one.
   */
  public String toYaml() {
    try {
      return HEADER + Json.yaml().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the configuration as YAML", e);
    }
  }

  /** This configuration with the defaults that depend on other keys filled in. */
  RunConfig resolved() {
    FitOptions seeded = fit.seed() != null ? fit : fit.toBuilder().seed(model.seed()).build();
    return new RunConfig(data, preprocessing, model, compile, seeded, callbacks, distributed,
        spark, output);
  }
}
