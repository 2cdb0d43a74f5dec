package io.sparkmlp.model;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.io.SavedModel;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.nn.Loss;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.optim.Minimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.train.Evaluator;
import io.sparkmlp.train.GradientSource;
import io.sparkmlp.train.StepStrategy;
import io.sparkmlp.train.Trainable;
import io.sparkmlp.train.Trainer;
import io.sparkmlp.train.TrainingData;
import io.sparkmlp.util.Checks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stack of layers trained as in Keras:
 * <pre>{@code
 * Sequential model = new Sequential()
 *     .add(new Dense(64, "relu").inputDim(100))
 *     .add(new Dense(10, "softmax"));
 * model.compile("categorical_crossentropy", "adam", "accuracy");
 * History h = model.fit(x, y, 32, 10);
 * }</pre>
 * Compiling fixes the architecture and draws the initial weights from the model's seed (set
 * with {@link #seed}; the same seed gives the same weights bit for bit). Not thread-safe.
 */
public final class Sequential implements Trainable {
  /** Seed used for weights, shuffling and dropout unless {@link #seed} says otherwise. */
  public static final long DEFAULT_SEED = 42L;

  private final List<Layer> layers = new ArrayList<>();
  private long seed = DEFAULT_SEED;

  private Network network;
  private Minimizer optimizer;
  private OptimizerState optimizerState;
  private List<Metric> metrics;
  private float[] params;

  public Sequential add(Layer layer) {
    Checks.state(network == null, "cannot add layers after compile");
    layers.add(layer);
    return this;
  }

  /** The seed for initial weights and, unless fit options override it, shuffling and dropout. */
  public Sequential seed(long seed) {
    Checks.state(network == null, "set the seed before compile: the weights are drawn then");
    this.seed = seed;
    return this;
  }

  public long seed() {
    return seed;
  }

  /** Compiles with Keras's names: a loss, an optimizer with its defaults, metrics. */
  public Sequential compile(String loss, String optimizer, String... metrics) {
    return compile(loss, Optimizers.byName(optimizer), metrics);
  }

  /**
   * Compiles with a configured optimizer, e.g. {@code new Adam(3e-4)}, or L-BFGS,
   * {@code Lbfgs.builder().maxIter(200).build()}.
   */
  public Sequential compile(String loss, Minimizer optimizer, String... metricNames) {
    Loss l = Loss.byName(loss);
    List<Metric> ms = new ArrayList<>();
    for (String name : metricNames) {
      Metric m = Metric.byName(name);
      m.checkCompatible(l);
      if (!ms.contains(m)) {
        ms.add(m);
      }
    }
    Network net = new Network(resolveLayers(), l);
    if (params == null || params.length != net.numParams()) {
      params = net.initialParams(seed);
    }
    this.network = net;
    this.optimizer = optimizer;
    this.optimizerState = optimizer.newState(net.numParams());
    this.metrics = List.copyOf(ms);
    return this;
  }

  private List<LayerSpec> resolveLayers() {
    Checks.argument(!layers.isEmpty(), "the model has no layers; add a Dense layer first");
    int width = layers.get(0).declaredInputDim();
    Checks.argument(width > 0, "the first layer needs inputDim(n): the width of each example");
    List<LayerSpec> specs = new ArrayList<>();
    for (Layer layer : layers) {
      LayerSpec spec = layer.resolve(width);
      specs.add(spec);
      width = spec.outputDim();
    }
    return specs;
  }

  /** Trains for the given epochs with the given batch size and Keras's other defaults. */
  public History fit(Matrix x, Matrix y, int batchSize, int epochs) {
    return fit(x, y, FitOptions.builder().batchSize(batchSize).epochs(epochs).build());
  }

  public History fit(Matrix x, Matrix y, FitOptions options) {
    return fit(x, y, null, options);
  }

  /**
   * Trains on rows weighted by sampleWeight (one finite weight >= 0 per row of x; null for
   * none), as Keras's {@code fit(x, y, sample_weight=...)}: each step minimises the weighted
   * mean loss Σ w_i·loss_i / Σ w_i of its minibatch, and losses and metrics are weighted means.
   * The options' classWeight multiplies these weights; checkpointDir, checkpointEvery and
   * resume work as on Spark (one partition).
   */
  public History fit(Matrix x, Matrix y, float[] sampleWeight, FitOptions options) {
    requireCompiled("fit");
    TrainingData data = TrainingData.of(network, x, y, sampleWeight, options);
    return fit(GradientSource.inProcess(data), options, StepStrategy.of(this, 1));
  }

  /**
   * Trains on the rows a gradient source holds (Spark's partitions, for
   * {@code spark.DistributedTrainer}), taking steps as the strategy says: the engine's
   * {@code train.Trainer} with this model's callbacks and History.
   */
  public History fit(GradientSource source, FitOptions options, StepStrategy strategy) {
    requireCompiled("fit");
    EpochLoop loop = new EpochLoop(options, params);
    new Trainer(this, options, strategy).fit(source, loop);
    return loop.finish();
  }

  /** Mean loss and metrics over (x, y), keyed "loss", "accuracy", ... as in Keras. */
  public Map<String, Double> evaluate(Matrix x, Matrix y) {
    return evaluate(x, y, FitOptions.DEFAULT_BATCH_SIZE);
  }

  public Map<String, Double> evaluate(Matrix x, Matrix y, int batchSize) {
    requireCompiled("evaluate");
    TrainingData.check(network, x, y, "x", "y");
    return new Evaluator(network, metrics, batchSize).evaluate(x, y, params, "");
  }

  /** The network's outputs for every row of x: class probabilities for a softmax model. */
  public Matrix predict(Matrix x) {
    requireCompiled("predict");
    Checks.argument(x.cols() == network.inputDim(), "x has %s columns but the model's inputDim "
        + "is %s", x.cols(), network.inputDim());
    return new Evaluator(network, metrics, FitOptions.DEFAULT_BATCH_SIZE).predict(x, params);
  }

  /** The most likely class of every row (argmax of the outputs; threshold 0.5 for one output). */
  public int[] predictClasses(Matrix x) {
    Matrix p = predict(x);
    int[] classes = new int[p.rows()];
    for (int r = 0; r < p.rows(); r++) {
      classes[r] = p.cols() == 1 ? (p.get(r, 0) > 0.5f ? 1 : 0)
          : Metric.argmax(p.values(), r * p.cols(), p.cols());
    }
    return classes;
  }

  /** A Keras-like table of layers, output shapes and parameter counts. */
  public String summary() {
    requireCompiled("summary");
    return Summary.of(network);
  }

  /** Saves architecture, compile settings, weights and optimizer state to a directory. */
  public void save(Path dir) {
    save(dir, Map.of());
  }

  /**
   * Saves the model with extra files written in the same atomic step (a checkpoint's training
   * state, a run's history and plot), name to content.
   */
  public void save(Path dir, Map<String, byte[]> extraFiles) {
    save(Location.of(dir), extraFiles);
  }

  /**
   * Saves the model to a local path or a Hadoop URI ({@code hdfs://nn:8020/models/fm},
   * {@code s3a://bucket/fm}), written whole or not at all.
   */
  public void save(String path) {
    save(Location.of(path), Map.of());
  }

  /** As {@link #save(Path, Map)}, to a local path or a Hadoop location. */
  public void save(Location dir, Map<String, byte[]> extraFiles) {
    requireCompiled("save");
    ModelFiles.save(dir, new SavedModel(network.layers(), network.loss().kerasName(),
        optimizer.name(), optimizer.config(), metrics.stream().map(Metric::kerasName).toList(),
        seed, params, optimizerState), extraFiles);
  }

  /** Loads a model saved by {@link #save}, compiled and ready to predict or train on. */
  public static Sequential load(Path dir) {
    return load(Location.of(dir));
  }

  /** Loads a model saved by {@link #save} from a local path or a Hadoop URI. */
  public static Sequential load(String path) {
    return load(Location.of(path));
  }

  /** Loads a model saved by {@link #save} from a local path or a Hadoop location. */
  public static Sequential load(Location dir) {
    SavedModel saved = ModelFiles.load(dir);
    Sequential model = new Sequential();
    model.seed = saved.seed();
    model.network = new Network(saved.layers(), Loss.byName(saved.loss()));
    model.optimizer = Optimizers.fromConfig(saved.optimizerName(), saved.optimizerConfig());
    model.optimizerState = saved.optimizerState() != null ? saved.optimizerState()
        : model.optimizer.newState(model.network.numParams());
    model.metrics = saved.metrics().stream().map(Metric::byName).toList();
    model.params = saved.params();
    return model;
  }

  private void requireCompiled(String what) {
    Checks.state(network != null, "call compile(loss, optimizer, metrics) before %s", what);
  }

  /** The compiled network (architecture and loss). */
  public Network network() {
    requireCompiled("network()");
    return network;
  }

  public Minimizer optimizer() {
    requireCompiled("optimizer()");
    return optimizer;
  }

  /** The live optimizer state (moments, step count); trainers update it in place. */
  public OptimizerState optimizerState() {
    requireCompiled("optimizerState()");
    return optimizerState;
  }

  /** Replaces the optimizer state, e.g. with one restored from a checkpoint. */
  public void optimizerState(OptimizerState state) {
    requireCompiled("optimizerState(state)");
    this.optimizerState = state;
  }

  public List<Metric> metrics() {
    requireCompiled("metrics()");
    return metrics;
  }

  /** The live flat parameter array (layout: {@code network().layout()}); trainers update it. */
  public float[] params() {
    requireCompiled("params()");
    return params;
  }
}
