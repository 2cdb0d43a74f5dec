package io.sparkmlp.spark;

import breeze.linalg.DenseVector;
import breeze.linalg.DenseVector$mcD$sp;
import breeze.optimize.DiffFunction;
import io.sparkmlp.train.FullBatchSolver;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import scala.Tuple2;

/**
 * A {@link FullBatchSolver.Objective} as breeze's {@code DiffFunction}, with points rounded to
 * float and the last point's result kept, so that the evaluation at an accepted point, which
 * the line search has just made, is not made again.
 *
 * <p>Why not {@code implements DiffFunction}: it is a Scala trait (an interface with default
 * methods in Scala 2.13) that inherits {@code Function1.apply(T): Object} next to its own
 * {@code apply(T): double}. Scala classes get a bridge between the two; javac can declare
 * neither next to the other, {@link java.lang.reflect.Proxy} refuses the clash too, and javac
 * also rejects extending a breeze class that implements the trait (its inherited operator
 * signatures). The JVM has no such rule: {@link LambdaMetafactory} makes a class that
 * implements the interface with {@code calculate} as ours and the trait's default methods
 * ({@code valueAt}, {@code gradientAt}, {@code apply(T): double}, ...) as breeze wrote them.
 * Only Function1's generic {@code apply} stays unimplemented, which breeze's L-BFGS, line
 * search and convergence checks never call.
 */
final class BreezeFunction {
  private static final MethodType CALCULATE = MethodType.methodType(Tuple2.class, Object.class);

  private final FullBatchSolver.Objective objective;
  private final float[] point;
  private final float[] grad;
  private float[] lastPoint;
  private double lastValue;
  private double[] lastGrad;

  private BreezeFunction(FullBatchSolver.Objective objective, int n) {
    this.objective = objective;
    this.point = new float[n];
    this.grad = new float[n];
  }

  /** The objective as the DiffFunction breeze's methods take. */
  @SuppressWarnings("unchecked")
  static DiffFunction<DenseVector<Object>> of(FullBatchSolver.Objective objective, int n) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      MethodHandle calculate = lookup.findVirtual(BreezeFunction.class, "calculate", CALCULATE);
      MethodHandle factory = LambdaMetafactory.metafactory(lookup, "calculate",
          MethodType.methodType(DiffFunction.class, BreezeFunction.class), CALCULATE,
          calculate, CALCULATE).getTarget();
      return (DiffFunction<DenseVector<Object>>) factory.invoke(
          new BreezeFunction(objective, n));
    } catch (Throwable e) {
      throw new IllegalStateException("cannot make breeze's DiffFunction: " + e, e);
    }
  }

  /** f and its gradient at x (a DenseVector of doubles), as breeze's calculate. */
  @SuppressWarnings("unchecked")
  private Tuple2<Object, DenseVector<Object>> calculate(Object x) {
    double[] d = LbfgsRun.data((DenseVector<Object>) x);
    for (int i = 0; i < point.length; i++) {
      point[i] = (float) d[i];
    }
    if (lastPoint == null || !Arrays.equals(point, lastPoint)) {
      lastValue = objective.evaluate(point.clone(), grad);
      lastGrad = new double[grad.length];
      for (int i = 0; i < grad.length; i++) {
        lastGrad[i] = grad[i];
      }
      lastPoint = point.clone();
    }
    return new Tuple2<>(lastValue, new DenseVector$mcD$sp(lastGrad.clone()));
  }
}
