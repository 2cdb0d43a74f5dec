package io.sparkmlp.optim;

import breeze.linalg.DenseVector;
import breeze.linalg.DenseVector$mcD$sp;
import breeze.optimize.DiffFunction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import scala.Tuple2;

/**
 * An {@link LbfgsRun.Objective} as breeze's {@code DiffFunction}, with points rounded to float
 * and the last point's result kept, so that the evaluation at an accepted point, which the
 * line search has just made, is not made again.
 *
 * <p>Why a proxy: {@code DiffFunction} is a Scala trait (an interface with default methods in
 * Scala 2.13), but it inherits {@code Function1.apply(T): Object} next to its own
 * {@code apply(T): double}; Scala classes get a bridge between the two, and javac can declare
 * neither in a Java class. A {@link Proxy} implements the interface at run time: calculate is
 * ours, Function1's apply returns the boxed value, every other default method runs as written.
 */
final class BreezeFunction implements InvocationHandler {
  private final LbfgsRun.Objective objective;
  private final float[] point;
  private final float[] grad;
  private float[] lastPoint;
  private double lastValue;
  private double[] lastGrad;

  private BreezeFunction(LbfgsRun.Objective objective, int n) {
    this.objective = objective;
    this.point = new float[n];
    this.grad = new float[n];
  }

  @SuppressWarnings("unchecked")
  static DiffFunction<DenseVector<Object>> of(LbfgsRun.Objective objective, int n) {
    return (DiffFunction<DenseVector<Object>>) Proxy.newProxyInstance(
        DiffFunction.class.getClassLoader(), new Class<?>[] {DiffFunction.class},
        new BreezeFunction(objective, n));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("calculate")) {
      return calculate((DenseVector<Object>) args[0]);
    }
    if (name.equals("apply") && args.length == 1 && !method.isDefault()) {
      return calculate((DenseVector<Object>) args[0])._1();
    }
    if (method.isDefault()) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    return switch (name) {
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "lbfgs objective";
      default -> throw new UnsupportedOperationException(method.toString());
    };
  }

  private Tuple2<Object, DenseVector<Object>> calculate(DenseVector<Object> x) {
    double[] d = LbfgsRun.data(x);
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
