package io.sparkmlp.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A value that travels (in a broadcast, an RDD or a task result) by Java serialization whatever
 * {@code spark.serializer} says. The Kryo that Spark ships cannot serialize Java records ("can't
 * get field offset on a record class"), and the training plan, the optimizer snapshot and a few
 * small results are records; under Kryo this wrapper writes their Java-serialized bytes, under
 * the Java serializer it is serialized as the value itself would be. Register it with
 * {@link SparkmlpKryoRegistrator} where {@code spark.kryo.registrationRequired} is set.
 *
 * @param <T> the value's type
 */
public final class Shipped<T extends Serializable> implements Serializable, KryoSerializable {
  private static final long serialVersionUID = 1L;

  private T value;

  private Shipped(T value) {
    this.value = value;
  }

  public static <T extends Serializable> Shipped<T> of(T value) {
    return new Shipped<>(value);
  }

  public T get() {
    return value;
  }

  @Override
  public void write(Kryo kryo, Output output) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize " + value.getClass().getName(), e);
    }
    output.writeInt(bytes.size(), true);
    output.writeBytes(bytes.toByteArray());
  }

  @Override
  @SuppressWarnings("unchecked")
  public void read(Kryo kryo, Input input) {
    byte[] bytes = input.readBytes(input.readInt(true));
    // Deserialize with the loader Kryo uses, which on an executor sees the application's jars.
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
          throws IOException, ClassNotFoundException {
        return Class.forName(desc.getName(), false, kryo.getClassLoader());
      }
    }) {
      value = (T) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot deserialize a shipped value: " + e, e);
    }
  }
}
