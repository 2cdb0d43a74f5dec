package io.sparkmlp.spark;

import breeze.linalg.DenseVector;
import breeze.linalg.DenseVector$mcD$sp;
import breeze.math.MutableFiniteCoordinateField;
import breeze.optimize.DiffFunction;
import breeze.optimize.FirstOrderMinimizer;
import breeze.optimize.FirstOrderMinimizer.ConvergenceCheck;
import breeze.optimize.FirstOrderMinimizer.ConvergenceReason;
import breeze.optimize.FirstOrderException;
import breeze.optimize.LBFGS;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.train.FullBatchSolver;
import java.util.List;
import scala.Option;
import scala.Tuple2;

/**
 * One L-BFGS run of breeze's {@code LBFGS}, an iteration at a time, on an {@link
 * FullBatchSolver.Objective} over the model's float parameters: the engine's {@link
 * FullBatchSolver.Run}, started by {@link BreezeLbfgs}. Breeze chooses each direction from its
 * memory ({@code chooseDescentDirection}), finds the step with its strong Wolfe line search
 * ({@code determineStepSize}), updates its memory ({@code updateHistory}) and decides convergence
 * with its default check ({@code defaultConvergenceCheck}: max iterations, function values over 20
 * iterations, gradient norm, line search failed; built flat here so that its history can be
 * saved). The loop around them is breeze's {@code FirstOrderMinimizer.infiniteIterations}, written
 * out in {@link #iterate} for two reasons: breeze keeps its "failed once" flag in a local variable
 * of that loop, which a checkpoint could not restore; and the accepted point is rounded to float
 * there.
 *
 * <p>Breeze works in double; two things keep its state exact in float, so that the model's
 * parameters are its point and a checkpoint resumes bit for bit ({@link LbfgsState}): each
 * accepted point is rounded to float (the line search's trial points are rounded by the
 * objective, so breeze minimises f(round(x)), and the accepted point's evaluation is the line
 * search's last one: no extra pass); and gradients are float (the passes' sums), widened to
 * double. Breeze's memory (s = x' − x, y = g' − g in double) is then a function of float
 * arrays, which the state keeps.
 */
final class LbfgsRun implements FullBatchSolver.Run {
  /** Function values breeze's default check compares (its fvalMemory). */
  static final int FVAL_MEMORY = 20;
  static final MutableFiniteCoordinateField<DenseVector<Object>, Object, Object> SPACE =
      DenseVector.space_Double();

  private final float[] params;
  private final ConvergenceCheck<DenseVector<Object>> check;
  /** Breeze's minimizer, raw: see {@link #iterate} on why its methods are called that way. */
  @SuppressWarnings("rawtypes")
  private final FirstOrderMinimizer breeze;
  private final DiffFunction<DenseVector<Object>> function;
  private final LbfgsState memory;
  private FirstOrderMinimizer.State<DenseVector<Object>, Object,
      LBFGS.ApproximateInverseHessian<DenseVector<Object>>> state;

  /**
   * A run from params (updated in place after each iteration) and the optimizer's state: a
   * fresh state (no iterations yet) evaluates f at params once; a state saved by
   * {@link #state()} continues where that run stopped, without evaluating.
   */
  LbfgsRun(Lbfgs settings, float[] params, OptimizerState saved, FullBatchSolver.Objective f) {
    this.params = params;
    this.check = new FirstOrderMinimizer.SequenceConvergenceCheck<>(
        LbfgsState.seq(List.<ConvergenceCheck<DenseVector<Object>>>of(
            FirstOrderMinimizer.maxIterationsReached(settings.maxIter()),
            FirstOrderMinimizer.functionValuesConverged(settings.tol(), true, FVAL_MEMORY),
            FirstOrderMinimizer.gradientConverged(settings.tol(), true, SPACE),
            FirstOrderMinimizer.searchFailed())));
    this.breeze = new LBFGS<>(check, settings.m(), SPACE);
    this.function = BreezeFunction.of(f, params.length);
    this.memory = new LbfgsState(settings.m(), params.length);
    if (LbfgsState.isFresh(saved)) {
      state = cast(breeze.initialState(function, vector(params)));
      memory.start(state);
    } else {
      state = memory.restore(saved, params);
    }
  }

  /** Why the run has ended (breeze's convergence reason), or null while it goes on. */
  @Override
  public String converged() {
    Option<ConvergenceReason> reason = check.apply(state, state.convergenceInfo());
    return reason.isDefined() ? reason.get().reason() : null;
  }

  /**
   * One iteration, as breeze's {@code infiniteIterations} takes it: a direction from the
   * memory, a line search along it (each trial point one evaluation), the new point (rounded
   * to float) into params, the memory and convergence history updated. A failed line search
   * resets the memory; a second one in a row ends the run. Returns {@link #converged()}.
   *
   * <p>Breeze's methods are called on the raw type: Scala's generic signatures give LBFGS's
   * methods and the ones they implement different parameter types with one erasure, which
   * javac reports as ambiguous for any parameterised call.
   */
  @Override
  @SuppressWarnings("unchecked")
  public String iterate() {
    try {
      Object dir = breeze.chooseDescentDirection(state, function);
      double stepSize = breeze.determineStepSize(state, function, dir);
      DenseVector<Object> x = step(state.x(), (DenseVector<Object>) dir, stepSize);
      Tuple2<Object, DenseVector<Object>> vg = function.calculate(x);
      double value = (Double) vg._1();
      DenseVector<Object> grad = vg._2();
      Object history = breeze.updateHistory(x, grad, value, function, state);
      Object info = check.update(x, grad, value, state, state.convergenceInfo());
      memory.failedOnce(false);
      next(new FirstOrderMinimizer.State<>(x, value, grad, value, grad, state.iter() + 1,
          state.initialAdjVal(), history, info, false, Option.empty()));
    } catch (FirstOrderException e) {
      boolean again = memory.failedOnce();
      memory.failedOnce(true);
      next(new FirstOrderMinimizer.State<>(state.x(), state.value(), state.grad(),
          state.adjustedValue(), state.adjustedGradient(), state.iter(), state.initialAdjVal(),
          again ? state.history() : breeze.initialHistory(function, state.x()),
          state.convergenceInfo(), again, Option.empty()));
    }
    double[] x = data(state.x());
    for (int i = 0; i < params.length; i++) {
      params[i] = (float) x[i];
    }
    return converged();
  }

  private void next(FirstOrderMinimizer.State<DenseVector<Object>, Object, Object> s) {
    var after = cast(s);
    memory.advance(state, after);
    state = after;
  }

  /** x + dir·stepSize as breeze's takeStep computes it, rounded to float. */
  private static DenseVector<Object> step(DenseVector<Object> x, DenseVector<Object> dir,
                                          double stepSize) {
    double[] a = data(x);
    double[] d = data(dir);
    double[] out = new double[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (a[i] + d[i] * stepSize);
    }
    return new DenseVector$mcD$sp(out);
  }

  /** The optimizer state to save: iteration count, memory and convergence history. */
  @Override
  public OptimizerState state() {
    return memory.save(state);
  }

  /** The loss at the current point (breeze's f). */
  double value() {
    return state.value();
  }

  /** The run's iterations so far (failed line searches that reset the memory not counted). */
  @Override
  public int iteration() {
    return state.iter();
  }

  static DenseVector<Object> vector(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[i];
    }
    return new DenseVector$mcD$sp(d);
  }

  /** The doubles of a contiguous vector (breeze's results are). */
  static double[] data(DenseVector<Object> v) {
    if (v.offset() == 0 && v.stride() == 1 && v.length() == v.data$mcD$sp().length) {
      return v.data$mcD$sp();
    }
    double[] d = new double[v.length()];
    for (int i = 0; i < d.length; i++) {
      d[i] = v.apply$mcD$sp(i);
    }
    return d;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static FirstOrderMinimizer.State<DenseVector<Object>, Object,
      LBFGS.ApproximateInverseHessian<DenseVector<Object>>> cast(FirstOrderMinimizer.State s) {
    return s;
  }

}
