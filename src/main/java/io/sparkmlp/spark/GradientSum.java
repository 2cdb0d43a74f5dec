package io.sparkmlp.spark;

import java.io.Serializable;

/**
 * What partitions send back in one step: the gradient of the summed loss over their rows,
 * the summed loss and metrics, and the row count. The driver's zero is empty (no arrays); the
 * arrays are created inside the task that first adds to it, so nothing large ships out.
 *
 * <p>Gradients are summed in double. Each partition's float sum converts exactly, and the
 * double sum of a few floats of similar magnitude is exact too, so the order in which Spark
 * merges task results (which varies from run to run) does not change the float gradient the
 * optimizer sees: the same seed and partitioning give the same weights.
 */
public final class GradientSum implements Serializable {
  private static final long serialVersionUID = 1L;

  private double[] grad;
  private double[] sums;
  private long count;

  /** The empty zero value of the aggregation. */
  public static GradientSum empty() {
    return new GradientSum();
  }

  /** Adds one partition's float gradient sum, loss/metric sums and row count. */
  public GradientSum add(float[] partitionGrad, double[] partitionSums, long rows) {
    if (grad == null) {
      grad = new double[partitionGrad.length];
      sums = new double[partitionSums.length];
    }
    for (int i = 0; i < grad.length; i++) {
      grad[i] += partitionGrad[i];
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] += partitionSums[i];
    }
    count += rows;
    return this;
  }

  /** Adds sums only (evaluation passes carry no gradient). */
  public GradientSum addSums(double[] partitionSums, long rows) {
    if (sums == null) {
      sums = new double[partitionSums.length];
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] += partitionSums[i];
    }
    count += rows;
    return this;
  }

  /** Combines two partial sums; either may be empty. */
  public static GradientSum merge(GradientSum a, GradientSum b) {
    if (b.sums == null) {
      return a;
    }
    if (a.sums == null) {
      return b;
    }
    if (b.grad != null) {
      if (a.grad == null) {
        a.grad = new double[b.grad.length];
      }
      for (int i = 0; i < a.grad.length; i++) {
        a.grad[i] += b.grad[i];
      }
    }
    for (int i = 0; i < a.sums.length; i++) {
      a.sums[i] += b.sums[i];
    }
    a.count += b.count;
    return a;
  }

  /** The summed gradient rounded to float, into dst (zeros when no partition had rows). */
  public void gradientInto(float[] dst) {
    for (int i = 0; i < dst.length; i++) {
      dst[i] = grad == null ? 0f : (float) grad[i];
    }
  }

  /** Summed loss, then metrics; null when no partition had rows. */
  public double[] sums() {
    return sums;
  }

  public long count() {
    return count;
  }
}
