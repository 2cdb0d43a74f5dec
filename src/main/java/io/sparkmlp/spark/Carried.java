package io.sparkmlp.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * What one job's tasks read from the driver (the weights, or the weights and optimizer state of
 * local steps): inside the task itself when it is small, in a broadcast otherwise.
 *
 * <p>Spark already ships every job's task (the RDD and the function) as a broadcast, which each
 * executor fetches once: it asks the driver where the block is, fetches it and reports its copy.
 * A second broadcast for the weights makes each executor do all that twice per job, which on the
 * standalone cluster cost more than the weights' bytes: {@code benchmarks/spark-step.sh} with
 * {@code -Dbench.parts=true}, P = 2, a step of 98.8 ms with the weights broadcast and 82.2 ms
 * with them inside the task, against 72.7 ms for an empty job. Inside the task, though, every
 * task deserializes its own copy (a broadcast is deserialized once per executor), and Spark
 * warns about every task binary over 1000 KiB; so only values up to {@link #INLINE_BYTES} ride
 * in the task, which holds the 235k weights of Fashion-MNIST's 784-256-128-10 network (not with
 * Adam's two slots for local steps). {@code -Dsparkmlp.inlineBytes=N} on the driver lowers the
 * limit ({@code 0} sends every value as a broadcast).
 *
 * @param <T> the value's type; it travels by the closure serializer (Java serialization) when
 *     inside the task, by spark.serializer in a broadcast
 */
public final class Carried<T extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The largest value carried inside the task: Spark's 1000 KiB warning threshold for a task
   * binary, less 24 KiB for the RDD, the function and the task's other fields.
   */
  public static final long INLINE_BYTES = (1000 - 24) * 1024L;
  /**
   * The driver's system property that lowers the limit: a byte count from 0 (every value in a
   * broadcast) to INLINE_BYTES, its default; a larger one leaves INLINE_BYTES in force.
   */
  static final String INLINE_BYTES_PROPERTY = "sparkmlp.inlineBytes";

  private final T inline;
  private final Broadcast<T> broadcast;

  private Carried(T inline, Broadcast<T> broadcast) {
    this.inline = inline;
    this.broadcast = broadcast;
  }

  /** value, of about bytes serialized bytes: inside the task if small enough, else broadcast. */
  public static <T extends Serializable> Carried<T> of(JavaSparkContext jsc, T value, long bytes) {
    long limit = Math.min(INLINE_BYTES, Long.getLong(INLINE_BYTES_PROPERTY, INLINE_BYTES));
    return bytes <= limit ? new Carried<>(value, null)
        : new Carried<>(null, jsc.broadcast(value));
  }

  /** The weights of params, carried as {@link RawFloats}. */
  public static Carried<RawFloats> weights(JavaSparkContext jsc, float[] params) {
    return of(jsc, RawFloats.of(params), (long) Float.BYTES * params.length);
  }

  /** On an executor: the value. */
  public T value() {
    return broadcast == null ? inline : broadcast.value();
  }

  /** Whether the value rides in a broadcast (for tests). */
  boolean broadcast() {
    return broadcast != null;
  }

  /** The broadcast's id, -1 for none (for tests). */
  long broadcastId() {
    return broadcast == null ? -1 : broadcast.id();
  }

  /** On the driver, once the job is over: frees the broadcast, if there is one. */
  public void release() {
    if (broadcast != null) {
      broadcast.destroy();
    }
  }
}
