package io.sparkmlp.spark;

import breeze.linalg.DenseVector;
import breeze.optimize.FirstOrderMinimizer;
import breeze.optimize.LBFGS;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.util.Checks;
import java.util.ArrayList;
import java.util.List;
import scala.Option;
import scala.collection.immutable.IndexedSeq;
import scala.collection.immutable.List$;
import scala.runtime.BoxedUnit;

/**
 * An L-BFGS run's state between iterations as {@link OptimizerState} slots, which checkpoints
 * save, so that a resumed run continues exactly. Breeze remembers the last h &lt;= m pairs
 * s = x' − x and y = g' − g in double; {@link LbfgsRun} keeps every x and g float-valued, so
 * the pairs are recomputed bit for bit from the float points and gradients they came from.
 * <pre>
 *   step      breeze's iteration count
 *   slots     S scalar slots, then g_k, then x_{k-1}, g_{k-1}, ..., x_{k-h}, g_{k-h}
 *             (x_k is the model's parameters)
 *   scalars   doubles: count, f(x_k), f(x_0), h, whether the last line search failed
 *             (1 or 0; a second failure in a row ends the run), the function values breeze's
 *             convergence check remembers; each double as four floats holding 16 bits each
 *             (integers below 2^16, exact in float), filling S slots of n floats
 * </pre>
 */
final class LbfgsState {
  private static final int HEADER = 5;  // count, value, initial value, h, failed once

  private final int m;
  private final int n;
  private float[] grad;
  /** x_{k-1}, x_{k-2}, ...: most recent first, as breeze orders its memory. */
  private final List<float[]> xs = new ArrayList<>();
  private final List<float[]> gs = new ArrayList<>();
  private boolean failedOnce;

  LbfgsState(int m, int n) {
    this.m = m;
    this.n = n;
  }

  /** Whether the last iteration's line search failed (and reset the memory). */
  boolean failedOnce() {
    return failedOnce;
  }

  void failedOnce(boolean failed) {
    failedOnce = failed;
  }

  /** Whether a state holds no run yet (a new optimizer state). */
  static boolean isFresh(OptimizerState s) {
    return s == null || s.numSlots() == 0;
  }

  /** Starts from breeze's initial state. */
  void start(FirstOrderMinimizer.State<DenseVector<Object>, Object, ?> initial) {
    grad = floats(initial.grad());
  }

  /** Follows breeze from one state to the next, as its memory does. */
  void advance(FirstOrderMinimizer.State<DenseVector<Object>, Object,
      LBFGS.ApproximateInverseHessian<DenseVector<Object>>> before,
      FirstOrderMinimizer.State<DenseVector<Object>, Object,
          LBFGS.ApproximateInverseHessian<DenseVector<Object>>> after) {
    if (after.iter() > before.iter()) {
      xs.add(0, floats(before.x()));
      gs.add(0, grad);
      grad = floats(after.grad());
    }
    int h = after.history().historyLength();
    while (xs.size() > h) {
      xs.remove(xs.size() - 1);
      gs.remove(gs.size() - 1);
    }
    Checks.state(xs.size() == h, "lbfgs memory holds %s pairs, breeze %s", xs.size(), h);
  }

  /** The slots and step count of the state. */
  OptimizerState save(FirstOrderMinimizer.State<DenseVector<Object>, Object,
      LBFGS.ApproximateInverseHessian<DenseVector<Object>>> state) {
    List<Double> fvals = functionValues(state.convergenceInfo());
    double[] scalars = new double[HEADER + fvals.size()];
    scalars[0] = scalars.length;
    scalars[1] = state.value();
    scalars[2] = state.initialAdjVal();
    scalars[3] = xs.size();
    scalars[4] = failedOnce ? 1 : 0;
    for (int i = 0; i < fvals.size(); i++) {
      scalars[HEADER + i] = fvals.get(i);
    }
    List<float[]> slots = new ArrayList<>(pack(scalars, n));
    slots.add(grad);
    for (int j = 0; j < xs.size(); j++) {
      slots.add(xs.get(j));
      slots.add(gs.get(j));
    }
    return new OptimizerState(state.iter(), slots.toArray(new float[0][]));
  }

  /** Breeze's state at params from slots written by {@link #save}. */
  FirstOrderMinimizer.State<DenseVector<Object>, Object,
      LBFGS.ApproximateInverseHessian<DenseVector<Object>>> restore(OptimizerState saved,
                                                                   float[] params) {
    Checks.argument(saved.numSlots() >= 1 && saved.slot(0).length == n, "the optimizer state "
        + "does not hold an lbfgs run for %s parameters", n);
    double[] scalars = unpack(saved);
    int scalarSlots = slotsFor(scalars.length, n);
    int h = (int) scalars[3];
    Checks.argument(saved.numSlots() == scalarSlots + 1 + 2 * h && h <= m, "the optimizer "
        + "state holds %s slots, an lbfgs run with %s pairs (m = %s) needs %s",
        saved.numSlots(), h, m, scalarSlots + 1 + 2 * h);
    grad = saved.slot(scalarSlots);
    failedOnce = scalars[4] != 0;
    xs.clear();
    gs.clear();
    List<DenseVector<Object>> steps = new ArrayList<>();
    List<DenseVector<Object>> gradDeltas = new ArrayList<>();
    float[] x = params;
    float[] g = grad;
    for (int j = 0; j < h; j++) {
      float[] xPrev = saved.slot(scalarSlots + 1 + 2 * j);
      float[] gPrev = saved.slot(scalarSlots + 2 + 2 * j);
      xs.add(xPrev);
      gs.add(gPrev);
      steps.add(difference(x, xPrev));
      gradDeltas.add(difference(g, gPrev));
      x = xPrev;
      g = gPrev;
    }
    List<Object> fvals = new ArrayList<>();
    for (int i = HEADER; i < scalars.length; i++) {
      fvals.add(scalars[i]);
    }
    Object info = seq(List.of(BoxedUnit.UNIT, seq(fvals), BoxedUnit.UNIT, BoxedUnit.UNIT));
    var history = new LBFGS.ApproximateInverseHessian<>(m, seq(steps), seq(gradDeltas),
        LbfgsRun.SPACE);
    DenseVector<Object> gradient = LbfgsRun.vector(grad);
    return new FirstOrderMinimizer.State<>(LbfgsRun.vector(params), scalars[1], gradient,
        scalars[1], gradient, Math.toIntExact(saved.step()), scalars[2], history, info, false,
        Option.empty());
  }

  /**
   * The function values of the convergence check's info: LbfgsRun's check is flat (max
   * iterations, function values, gradient, search failed), and only the second has a history.
   */
  private static List<Double> functionValues(Object info) {
    List<Double> values = new ArrayList<>();
    if (info instanceof scala.collection.Seq<?> checks && checks.length() == 4
        && checks.apply(1) instanceof scala.collection.Seq<?> fvals) {
      for (scala.collection.Iterator<?> it = fvals.iterator(); it.hasNext(); ) {
        values.add((Double) it.next());
      }
      return values;
    }
    throw new IllegalStateException("breeze's convergence info has an unexpected shape: "
        + info);
  }

  private static DenseVector<Object> difference(float[] a, float[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = (double) a[i] - (double) b[i];
    }
    return new breeze.linalg.DenseVector$mcD$sp(d);
  }

  private static float[] floats(DenseVector<Object> v) {
    double[] d = LbfgsRun.data(v);
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /**
   * The list as a Scala IndexedSeq, built with {@code ::} as Scala 2.12 and 2.13 both can
   * (their converters from Java differ: scala.jdk.javaapi is 2.13 only).
   */
  static <T> IndexedSeq<T> seq(List<T> list) {
    scala.collection.immutable.List<T> s = List$.MODULE$.empty();
    for (int i = list.size() - 1; i >= 0; i--) {
      s = s.$colon$colon(list.get(i));
    }
    return s.toIndexedSeq();
  }

  /** Slots of n floats that hold count doubles at four floats each. */
  static int slotsFor(int count, int n) {
    return (4 * count + n - 1) / n;
  }

  /** The doubles, four 16-bit floats each, over slots of n floats. */
  static List<float[]> pack(double[] values, int n) {
    float[] flat = new float[slotsFor(values.length, n) * n];
    for (int i = 0; i < values.length; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      for (int k = 0; k < 4; k++) {
        flat[4 * i + k] = (bits >>> (16 * k)) & 0xFFFF;
      }
    }
    List<float[]> slots = new ArrayList<>();
    for (int s = 0; s < flat.length / n; s++) {
      float[] slot = new float[n];
      System.arraycopy(flat, s * n, slot, 0, n);
      slots.add(slot);
    }
    return slots;
  }

  /** The doubles {@link #pack} wrote at the start of the state's slots. */
  static double[] unpack(OptimizerState saved) {
    int n = saved.slot(0).length;
    double count = read(saved, n, 0);
    Checks.argument(count >= HEADER && count == Math.rint(count)
        && slotsFor((int) count, n) <= saved.numSlots(), "the optimizer state does not hold an "
        + "lbfgs run (its header reads %s)", count);
    double[] values = new double[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = read(saved, n, i);
    }
    return values;
  }

  private static double read(OptimizerState saved, int n, int i) {
    long bits = 0;
    for (int k = 0; k < 4; k++) {
      int at = 4 * i + k;
      float chunk = saved.slot(at / n)[at % n];
      Checks.argument(chunk >= 0 && chunk <= 0xFFFF && chunk == Math.rint(chunk), "the "
          + "optimizer state does not hold an lbfgs run (value %s at %s)", chunk, at);
      bits |= ((long) chunk) << (16 * k);
    }
    return Double.longBitsToDouble(bits);
  }
}
