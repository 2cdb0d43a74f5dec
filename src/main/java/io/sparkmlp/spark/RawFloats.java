package io.sparkmlp.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.KryoDataInput;
import com.esotericsoftware.kryo.io.KryoDataOutput;
import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A float[] that travels as raw little-endian bytes ({@link RawArrays}) under the Java
 * serializer and Kryo alike: what each step broadcasts (the weights), where Java serialization
 * would write the array one element at a time. The array is shared, not copied.
 */
public final class RawFloats implements Serializable, KryoSerializable {
  private static final long serialVersionUID = 1L;

  private float[] values;

  private RawFloats(float[] values) {
    this.values = values;
  }

  /** Wraps values (not a copy: the driver must not change them while a job reads them). */
  public static RawFloats of(float[] values) {
    return new RawFloats(values);
  }

  public float[] values() {
    return values;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    RawArrays.writeFloats(out, values);
  }

  private void readObject(ObjectInputStream in) throws IOException {
    values = RawArrays.readFloats(in);
  }

  @Override
  public void write(Kryo kryo, Output output) {
    try {
      RawArrays.writeFloats(new KryoDataOutput(output), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void read(Kryo kryo, Input input) {
    try {
      values = RawArrays.readFloats(new KryoDataInput(input));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
