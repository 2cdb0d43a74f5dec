package io.sparkmlp.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.KryoDataInput;
import com.esotericsoftware.kryo.io.KryoDataOutput;
import com.esotericsoftware.kryo.io.Output;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.train.OptimizerSnapshot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * What a job starts every partition from: the weights, and for local steps the optimizer's
 * state, in one value ({@link Carried}: a broadcast, or inside the task where small). Weights
 * and slots (Adam's two, each as large as the weights) travel as raw little-endian arrays
 * ({@link RawArrays}); only the optimizer's small configuration is Java-serialized. One
 * broadcast instead of two saves each executor a lookup, fetch and report of a second block
 * per job; measured with {@code benchmarks/spark-step.sh} and {@code -Dbench.localSteps=true}.
 * The arrays are shared, not copied.
 */
public final class LocalStart implements Serializable, KryoSerializable {
  private static final long serialVersionUID = 1L;

  private float[] params;
  private Optimizer optimizer;
  private long step;
  private float[][] slots;

  private LocalStart(float[] params, OptimizerSnapshot snapshot) {
    this.params = params;
    this.optimizer = snapshot == null ? null : snapshot.optimizer();
    this.step = snapshot == null ? 0 : snapshot.step();
    this.slots = snapshot == null ? new float[0][] : snapshot.slots();
  }

  /**
   * Wraps both (not copies: the driver must not change them while a job reads them); snapshot
   * is null for jobs that take no steps of their own.
   */
  public static LocalStart of(float[] params, OptimizerSnapshot snapshot) {
    return new LocalStart(params, snapshot);
  }

  public float[] params() {
    return params;
  }

  /** About the bytes it travels in: the weights and the slots, 4 bytes a float. */
  public long bytes() {
    return (long) Float.BYTES * params.length * (1 + slots.length);
  }

  /** The optimizer with its state; null where the job carries none. */
  public OptimizerSnapshot optimizer() {
    return optimizer == null ? null : new OptimizerSnapshot(optimizer, step, slots);
  }

  private void writeArrays(DataOutput out) throws IOException {
    RawArrays.writeFloats(out, params);
    out.writeLong(step);
    out.writeInt(slots.length);
    for (float[] slot : slots) {
      RawArrays.writeFloats(out, slot);
    }
  }

  private void readArrays(DataInput in) throws IOException {
    params = RawArrays.readFloats(in);
    step = in.readLong();
    slots = new float[in.readInt()][];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = RawArrays.readFloats(in);
    }
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    writeArrays(out);
    out.writeObject(optimizer);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    readArrays(in);
    optimizer = (Optimizer) in.readObject();
  }

  @Override
  public void write(Kryo kryo, Output output) {
    try {
      writeArrays(new KryoDataOutput(output));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kryo.writeObject(output, Shipped.of(optimizer)); // Kryo cannot write records
  }

  @Override
  @SuppressWarnings("unchecked")
  public void read(Kryo kryo, Input input) {
    try {
      readArrays(new KryoDataInput(input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    optimizer = ((Shipped<Optimizer>) kryo.readObject(input, Shipped.class)).get();
  }
}
