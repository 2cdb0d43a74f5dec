package io.sparkmlp.ml;

import io.sparkmlp.nn.Activation;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.optim.Adam;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.spark.DistributedOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import scala.runtime.AbstractFunction1;

/**
 * The shared params of one stage, created for their owner (Spark ML checks that a stage owns
 * the params set on it), with their docs, validators and defaults written once for the
 * estimators and models alike. Opaque outside this package: use the stage's param methods.
 */
public final class MLPParamSet implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Hidden-layer activations: every Keras name the kernel has except softmax. */
  static final List<String> ACTIVATIONS = Arrays.stream(Activation.values())
      .filter(a -> a != Activation.SOFTMAX).map(Activation::kerasName).toList();
  static final List<String> INITIALIZERS = Arrays.stream(Initializer.values())
      .map(Initializer::kerasName).toList();

  // Spark ML's own defaults, where they differ from the runtime's: MLlib-sized batches, ten
  // epochs, ReLU hidden layers, Adam, silent. The others are the runtime records' constants.
  static final String DEFAULT_ACTIVATION = Activation.RELU.kerasName();
  static final double DEFAULT_DROPOUT = 0.0;
  static final String DEFAULT_OPTIMIZER = Adam.NAME;
  /** MLlib's name for L-BFGS; the sparkmlp optimizer is {@link Lbfgs#NAME}. */
  static final String LBFGS = "l-bfgs";
  /** The solvers: MLlib's "l-bfgs", and sparkmlp's first-order optimizers by name. */
  static final List<String> SOLVERS = solvers();
  static final int DEFAULT_BATCH_SIZE = 128;
  static final int DEFAULT_MAX_EPOCHS = 10;
  static final int DEFAULT_EARLY_STOPPING_PATIENCE = 0;
  static final int DEFAULT_VERBOSE = 0;

  final Param<String> weightCol;
  final IntArrayParam layers;
  final Param<String> activation;
  final Param<String> kernelInitializer;
  final DoubleParam dropout;
  final DoubleParam l2;
  final Param<String> solver;
  final DoubleParam learningRate;
  final IntParam batchSize;
  final IntParam maxEpochs;
  final IntParam maxIter;
  final DoubleParam tol;
  final Param<Vector> initialWeights;
  final DoubleParam validationFraction;
  final IntParam earlyStoppingPatience;
  final LongParam seed;
  final IntParam numPartitions;
  final IntParam syncEvery;
  final IntParam verbose;

  MLPParamSet(Params owner) {
    weightCol = new Param<>(owner, "weightCol", "weight column: a non-negative number per "
        + "row; unset or empty means every row weighs 1");
    layers = new IntArrayParam(owner, "layers", "layer widths from the input to the output, "
        + "e.g. [784, 256, 128, 10]: the features' width, the hidden layers' units, the "
        + "outputs", new LayersValid());
    activation = new Param<>(owner, "activation", "activation of the hidden layers, one of "
        + ACTIVATIONS, ParamValidators.inArray(ACTIVATIONS));
    kernelInitializer = new Param<>(owner, "kernelInitializer", "initialiser of the layers' "
        + "kernels (biases start at 0), one of " + INITIALIZERS,
        ParamValidators.inArray(INITIALIZERS));
    dropout = new DoubleParam(owner, "dropout", "dropout rate after each hidden layer, in "
        + "[0, 1)", ParamValidators.inRange(0, 1, true, false));
    l2 = new DoubleParam(owner, "l2", "L2 penalty λ: λ·ΣW² over the kernels is added to the "
        + "loss (>= 0)", ParamValidators.gtEq(0));
    solver = new Param<>(owner, "solver", "the solver, one of " + SOLVERS + ": " + LBFGS
        + " is full-batch L-BFGS (maxIter iterations, tol; one Spark job per function "
        + "evaluation), the others minibatch optimizers with Keras's defaults for everything "
        + "but learningRate (maxEpochs epochs of batchSize rows)",
        ParamValidators.inArray(SOLVERS));
    learningRate = new DoubleParam(owner, "learningRate", "the optimizer's learning rate (> 0)",
        ParamValidators.gt(0));
    batchSize = new IntParam(owner, "batchSize", "rows per global minibatch, summed over all "
        + "partitions (>= 1)", ParamValidators.gtEq(1));
    maxEpochs = new IntParam(owner, "maxEpochs", "passes over the training data (>= 1) of the "
        + "minibatch solvers; early stopping may end training sooner", ParamValidators.gtEq(1));
    maxIter = new IntParam(owner, "maxIter", "iterations of the " + LBFGS + " solver (>= 1), "
        + "each one epoch of the history; convergence at tol may end it sooner",
        ParamValidators.gtEq(1));
    tol = new DoubleParam(owner, "tol", "convergence tolerance of the " + LBFGS + " solver "
        + "(>= 0), relative to the loss", ParamValidators.gtEq(0));
    initialWeights = new Param<>(owner, "initialWeights", "the weights to start from, flat in "
        + "the model's layout (per layer the kernel (inputs, units) row-major, then the bias); "
        + "unset, drawn from the seed");
    validationFraction = new DoubleParam(owner, "validationFraction", "fraction of the rows, "
        + "drawn at random with the seed, held out to validate every epoch (val_loss); 0 "
        + "holds out none", ParamValidators.inRange(0, 1, true, false));
    earlyStoppingPatience = new IntParam(owner, "earlyStoppingPatience", "stop after this "
        + "many epochs without improvement of val_loss (of the training loss without a "
        + "validation fraction) and keep the best epoch's weights; 0 turns early stopping off",
        ParamValidators.gtEq(0));
    seed = new LongParam(owner, "seed", "random seed: weights, shuffles, dropout, validation "
        + "split");
    numPartitions = new IntParam(owner, "numPartitions", "partitions to train on; 0 uses the "
        + "cluster's default parallelism", ParamValidators.gtEq(0));
    syncEvery = new IntParam(owner, "syncEvery", "minibatch steps each partition takes on its "
        + "own between synchronisations: 1 is exact synchronous training (the same weights as "
        + "one process would get); k > 1 averages the partitions' weight and optimizer changes "
        + "every k steps, one Spark job per k steps instead of per step; 0 times the first "
        + "epoch's jobs against their compute and picks k so that jobs take a small part of the "
        + "time (logged, and kept in the training summary's history as sync_every)",
        ParamValidators.gtEq(0));
    verbose = new IntParam(owner, "verbose", "0 silent, 1 a progress line per epoch in the "
        + "driver's log (INFO, logger io.sparkmlp.model.ProgressLogger)", ParamValidators.inRange(0, 1));
  }

  /**
   * Sets the defaults on the owner; layers has none: the stage can't guess the widths. The
   * column params (featuresCol, labelCol, predictionCol, ...) are Spark's own, with Spark's
   * defaults, which are the runtime's ({@link DistributedOptions#DEFAULT_FEATURES_COL} and
   * {@link DistributedOptions#DEFAULT_LABEL_COL}).
   */
  void setDefaults(Params owner, long defaultSeed) {
    owner.setDefault(activation, DEFAULT_ACTIVATION);
    owner.setDefault(kernelInitializer, Dense.DEFAULT_KERNEL_INITIALIZER.kerasName());
    owner.setDefault(dropout, DEFAULT_DROPOUT);
    owner.setDefault(l2, Dense.DEFAULT_L2);
    owner.setDefault(solver, DEFAULT_OPTIMIZER);
    owner.setDefault(learningRate, Adam.Settings.DEFAULT_LEARNING_RATE);
    owner.setDefault(batchSize, DEFAULT_BATCH_SIZE);
    owner.setDefault(maxEpochs, DEFAULT_MAX_EPOCHS);
    owner.setDefault(maxIter, Lbfgs.DEFAULT_MAX_ITER);
    owner.setDefault(tol, Lbfgs.DEFAULT_TOL);
    owner.setDefault(validationFraction, FitOptions.DEFAULT_VALIDATION_SPLIT);
    owner.setDefault(earlyStoppingPatience, DEFAULT_EARLY_STOPPING_PATIENCE);
    owner.setDefault(seed, defaultSeed);
    owner.setDefault(numPartitions, DistributedOptions.DEFAULT_NUM_PARTITIONS);
    owner.setDefault(syncEvery, DistributedOptions.DEFAULT_SYNC_EVERY);
    owner.setDefault(verbose, DEFAULT_VERBOSE);
  }

  /** The solver for an optimizer name: {@link #LBFGS} for lbfgs, else the name itself. */
  static String solverOf(String optimizer) {
    String name = optimizer == null ? "" : optimizer.trim().toLowerCase(Locale.ROOT);
    return name.equals(Lbfgs.NAME) ? LBFGS : name;
  }

  /** The optimizer name of a solver: lbfgs for {@link #LBFGS}, else the name itself. */
  static String optimizerOf(String solver) {
    return LBFGS.equals(solver) ? Lbfgs.NAME : solver;
  }

  private static List<String> solvers() {
    List<String> names = new ArrayList<>();
    names.add(LBFGS);
    Optimizers.NAMES.stream().filter(n -> !n.equals(Lbfgs.NAME)).forEach(names::add);
    return List.copyOf(names);
  }

  /** Checks layers with a message that shows the array (Spark's would print its identity). */
  static int[] checkLayers(int[] widths) {
    if (!new LayersValid().apply(widths)) {
      throw new IllegalArgumentException("layers must list at least 2 widths (the features' "
          + "width, ..., the outputs), each >= 1, got " + Arrays.toString(widths));
    }
    return widths.clone();
  }

  private static final class LayersValid extends AbstractFunction1<int[], Object>
      implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean apply(int[] widths) {
      return widths != null && widths.length >= 2 && Arrays.stream(widths).allMatch(w -> w >= 1);
    }
  }
}
