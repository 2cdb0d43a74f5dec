package io.sparkmlp.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.KryoDataInput;
import com.esotericsoftware.kryo.io.KryoDataOutput;
import com.esotericsoftware.kryo.io.Output;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * What partitions send back in one step: the gradient of the summed loss over their rows,
 * the summed loss and metrics, the row count, and the rows' total weight (the row count for
 * unweighted data), which is what the driver divides by. The driver's zero is empty (no
 * arrays); the arrays are created inside the task that first adds to it, so nothing large
 * ships out.
 *
 * <p>A task's result holds its partition's float sum as it is (half the bytes of doubles, so
 * it stays a direct task result); merging two results switches to double. The driver of a
 * two-task job (local[2], two one-core executors) does not even do that: the second float sum
 * waits beside the first, and the gradient is their float sum, which is the double sum rounded
 * to float, bit for bit (double rounding of a sum of two floats is innocuous, since a double's
 * 53 bits are at least 2 × 24 + 2; Figueroa, "When is double rounding innocuous?", 1995). That
 * one vectorised pass replaces a 1.9 MB allocation and three passes of scalar float/double
 * conversions, which were about a third of the driver's scheduler thread in a JFR profile of a
 * step on the standalone cluster ({@code spark-bench.sh DriverMergeBench 2 3}, 235k weights:
 * 66 µs for two results, 845 µs for three, which still go through double). {@link PartialSums}
 * merges task results in partition order, so the total does not depend on the order in which
 * tasks finish. Under an explicit treeAggregate depth (2 or more) the merge order varies from
 * run to run; the gradient still comes out the same because each float converts exactly and
 * the double sum of a few floats of similar magnitude is exact too. The total weight is kept
 * exactly (a BigDecimal of the partitions' double sums) for the same reason: a double sum of
 * three or more partitions' weight sums could round differently in another merge order and
 * change the divisor's last bit.
 *
 * <p>It travels as raw little-endian arrays, under the Java serializer and Kryo alike
 * ({@link RawArrays}): Java serialization's element-by-element float[] was half of what the
 * executors did in a 64-partition step.
 */
public final class GradientSum implements Serializable, KryoSerializable {
  private static final long serialVersionUID = 3L;

  /** One partition's gradient sum, until a second one is merged in. */
  private float[] single;
  /** A second partition's float sum merged in after single, not yet added (see above). */
  private float[] second;
  /** The sum of several partitions' gradients. */
  private double[] grad;
  private double[] sums;
  private long count;
  private BigDecimal weight = BigDecimal.ZERO;
  /** Nanoseconds the tasks spent computing, summed over partitions (where they timed it). */
  private long computeNanos;

  /** The empty zero value of the aggregation. */
  public static GradientSum empty() {
    return new GradientSum();
  }

  /** Adds one partition's float gradient sum (copied), loss/metric sums and row count. */
  public GradientSum add(float[] partitionGrad, double[] partitionSums, long rows) {
    return add(partitionGrad, partitionSums, rows, rows);
  }

  /** As {@link #add(float[], double[], long)} for weighted sums over rows of total weight. */
  public GradientSum add(float[] partitionGrad, double[] partitionSums, long rows,
                         double rowsWeight) {
    if (single == null && grad == null) {
      single = partitionGrad.clone();
    } else {
      addGradient(partitionGrad);
    }
    return addSums(partitionSums, rows, rowsWeight);
  }

  private void addGradient(float[] g) {
    toDouble(g.length);
    for (int i = 0; i < grad.length; i++) {
      grad[i] += g[i];
    }
  }

  /**
   * Switches to the double accumulator (exact: every float is a double), adding a waiting
   * second float sum in its turn.
   */
  private void toDouble(int length) {
    if (grad == null) {
      grad = new double[length];
      if (single != null) {
        for (int i = 0; i < length; i++) {
          grad[i] = single[i];
        }
        single = null;
      }
    }
    if (second != null) {
      float[] g = second;
      second = null;
      for (int i = 0; i < grad.length; i++) {
        grad[i] += g[i];
      }
    }
  }

  /** Adds sums only (evaluation passes carry no gradient). */
  public GradientSum addSums(double[] partitionSums, long rows) {
    return addSums(partitionSums, rows, rows);
  }

  /** As {@link #addSums(double[], long)} for weighted sums over rows of total weight. */
  public GradientSum addSums(double[] partitionSums, long rows, double rowsWeight) {
    return addSums(partitionSums, rows, new BigDecimal(rowsWeight));
  }

  private GradientSum addSums(double[] partitionSums, long rows, BigDecimal rowsWeight) {
    if (sums == null) {
      sums = new double[partitionSums.length];
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] += partitionSums[i];
    }
    count += rows;
    weight = weight.add(rowsWeight);
    return this;
  }

  /** Adds a partition's compute time, measured inside its task ({@link #computeNanos()}). */
  public GradientSum addComputeNanos(long nanos) {
    computeNanos += nanos;
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
    a.computeNanos += b.computeNanos;
    if (b.second != null) {
      b.toDouble(b.second.length);
    }
    if (b.single != null && a.single != null && a.second == null) {
      a.second = b.single;  // added when read: gradientInto
    } else if (b.single != null) {
      a.addGradient(b.single);
    } else if (b.grad != null) {
      a.toDouble(b.grad.length);
      for (int i = 0; i < a.grad.length; i++) {
        a.grad[i] += b.grad[i];
      }
    }
    return a.addSums(b.sums, b.count, b.weight);
  }

  /** The summed gradient rounded to float, into dst (zeros when no partition had rows). */
  public void gradientInto(float[] dst) {
    if (second != null) {
      float[] a = single;
      float[] b = second;
      for (int i = 0; i < dst.length; i++) {
        dst[i] = a[i] + b[i];  // = (float) ((double) a[i] + b[i]), see the class comment
      }
    } else if (single != null) {
      System.arraycopy(single, 0, dst, 0, dst.length);
    } else if (grad == null) {
      Arrays.fill(dst, 0f);
    } else {
      for (int i = 0; i < dst.length; i++) {
        dst[i] = (float) grad[i];
      }
    }
  }

  /** Summed loss, then metrics; null when no partition had rows. */
  public double[] sums() {
    return sums;
  }

  public long count() {
    return count;
  }

  /**
   * The rows' total weight, rounded once to double: the divisor of the mean gradient, loss and
   * metrics. For unweighted rows it is the count, exactly.
   */
  public double weight() {
    return weight.doubleValue();
  }

  /** The partitions' compute time inside their tasks, summed; 0 where tasks did not time it. */
  public long computeNanos() {
    return computeNanos;
  }

  /** Writes the state; a waiting second float sum is added to the doubles first. */
  private void writeTo(DataOutput out) throws IOException {
    if (second != null) {
      toDouble(second.length);
    }
    RawArrays.writeFloats(out, single);
    RawArrays.writeDoubles(out, grad);
    RawArrays.writeDoubles(out, sums);
    out.writeLong(count);
    out.writeInt(weight.scale());
    byte[] unscaled = weight.unscaledValue().toByteArray();
    out.writeInt(unscaled.length);
    out.write(unscaled);
    out.writeLong(computeNanos);
  }

  private void readFrom(DataInput in) throws IOException {
    single = RawArrays.readFloats(in);
    grad = RawArrays.readDoubles(in);
    sums = RawArrays.readDoubles(in);
    count = in.readLong();
    int scale = in.readInt();
    byte[] unscaled = new byte[in.readInt()];
    in.readFully(unscaled);
    weight = new BigDecimal(new BigInteger(unscaled), scale);
    computeNanos = in.readLong();
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    writeTo(out);
  }

  private void readObject(ObjectInputStream in) throws IOException {
    readFrom(in);
  }

  @Override
  public void write(Kryo kryo, Output output) {
    try {
      writeTo(new KryoDataOutput(output));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void read(Kryo kryo, Input input) {
    try {
      readFrom(new KryoDataInput(input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
