package io.sparkmlp.train;

import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.optim.Lbfgs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Full-batch L-BFGS ({@link Lbfgs}, run by a {@link FullBatchSolver}: breeze's, from the Spark
 * layer) as a strategy of the one training loop: each epoch is one L-BFGS iteration, a single "step" whose function
 * evaluations (the line search's included) are full-batch passes of the
 * {@link GradientSource} (one Spark job each). f is the weighted mean loss plus the L2 term,
 * its gradient finished by {@link io.sparkmlp.nn.Network#finishGradient}, as in minibatch
 * training. The epoch's logs are the loss and metrics at the iteration's new point, so
 * History has one row per iteration, and callbacks (early stopping, target loss), divergence
 * checks, validation and checkpoints work as for any strategy. When breeze's convergence
 * check holds (max_iter, tol, or a line search failed twice), {@link #stopReason} says so and
 * the trainer stops after that epoch: a run ends at min(epochs, max_iter) iterations or at
 * convergence.
 *
 * <p>The iteration's state lives in the model's optimizer state, which checkpoints save, so
 * resuming continues the same run bit for bit; a later {@code fit} on the same model
 * continues it too (max_iter counts the run's iterations, not the call's).
 */
final class FullBatchLbfgs implements StepStrategy {
  /** Rows per forward/backward pass within a holder: large GEMMs, bounded buffers. */
  static final int CHUNK_ROWS = 512;

  private final Trainable model;
  private final Lbfgs lbfgs;
  private final FullBatchSolver solver;
  private final List<Evaluation> evaluations = new ArrayList<>();
  private FullBatchSolver.Run run;
  private GradientSource source;
  private int passes;
  private String stopReason;

  /** One function evaluation: where, the pass's sums, and the L2 term's share (weight·λΣW²). */
  private record Evaluation(float[] params, StepSums sums, double penalty) {}

  /** L-BFGS with the given settings on the model, its iterations run by solver. */
  public FullBatchLbfgs(Trainable model, Lbfgs lbfgs, FullBatchSolver solver) {
    this.model = model;
    this.lbfgs = lbfgs;
    this.solver = solver;
    List<LayerSpec> layers = model.network().layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DropoutSpec d && d.rate() > 0) {
        throw new IllegalArgumentException(String.format("lbfgs needs a deterministic loss but "
            + "layer %s is Dropout(%s); remove it or use a first-order optimizer", i, d.rate()));
      }
    }
  }

  @Override
  public int stepsPerEpoch(long totalRows, int batchSize) {
    return 1;
  }

  @Override
  public int maxSlice(int maxPartitionRows, int steps) {
    return Math.max(1, Math.min(CHUNK_ROWS, maxPartitionRows));
  }

  @Override
  public int span(int step, int steps) {
    return 1;
  }

  @Override
  public StepSums take(GradientSource source, int epoch, int step, int span) {
    this.source = source;
    float[] params = model.params();
    evaluations.clear();
    if (run == null) {
      run = solver.start(lbfgs, params, model.optimizerState(), this::evaluate);
    }
    String reason = run.converged();  // a resumed run may have ended before its checkpoint
    if (reason == null) {
      evaluations.clear();  // the first evaluation of a new run is not this iteration's
      reason = run.iterate();
    }
    model.optimizerState(run.state());
    Evaluation at = evaluations.stream().filter(e -> Arrays.equals(e.params(), params))
        .reduce((a, b) -> b).orElse(null);
    if (at == null) {  // no iteration (a run that had ended) or a failed line search
      evaluate(params.clone(), new float[params.length]);
      at = evaluations.get(evaluations.size() - 1);
    }
    DivergedException.checkLoss(at.sums(), epoch, step);
    if (reason != null) {
      stopReason = "lbfgs: " + reason + " after " + run.iteration() + " iterations";
    }
    return at.sums().withPenalty(at.penalty());
  }

  @Override
  public String stopReason() {
    return stopReason;
  }

  /** f(params) = weighted mean loss + λΣW², grad := its gradient: one full-batch pass. */
  private double evaluate(float[] params, float[] grad) {
    StepSums split = source.run(new Pass(++passes), params, null, grad);
    StepSums sum = StepSums.of(FullBatchSums.join(split.sums()), split.rows(), split.weight());
    double l2 = model.network().finishGradient(grad, sum.weight(), params);
    evaluations.add(new Evaluation(params, sum, sum.weight() * l2));
    return sum.meanLoss() + l2;
  }

  /**
   * Each holder's gradient sum over all its rows in storage order, without dropout masks drawn
   * per step ({@link Shard#fullBatch}); its loss as {@link FullBatchSums#split} parts, so that
   * the total does not depend on how the parts are merged.
   */
  private record Pass(int number) implements ShardJob {
    @Override
    public Part run(Shard shard, float[] params, OptimizerSnapshot optimizer, float[] into) {
      float[] grad = into != null ? into : shard.gradientBuffer();
      StepSums sum = shard.fullBatch(params, grad);
      return new Part(sum.rows() == 0 ? null : grad,
          StepSums.of(FullBatchSums.split(sum.sums()), sum.rows(), sum.weight()));
    }

    @Override
    public String label() {
      return "full-batch pass " + number;
    }
  }
}
