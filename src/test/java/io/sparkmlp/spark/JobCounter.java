package io.sparkmlp.spark;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/** Counts the Spark jobs started between {@link #start} and {@link #stop}. */
public final class JobCounter extends SparkListener {
  private final AtomicInteger jobs = new AtomicInteger();
  private final SparkContext sc;

  private JobCounter(SparkContext sc) {
    this.sc = sc;
  }

  /** Waits for earlier events to be delivered, then starts counting. */
  public static JobCounter start() {
    SparkContext sc = SparkTestSession.get().sparkContext();
    drain(sc);
    JobCounter c = new JobCounter(sc);
    sc.addSparkListener(c);
    return c;
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  /** Jobs started since {@link #start}, once the listener bus has delivered every event. */
  public int stop() {
    drain(sc);
    sc.removeSparkListener(this);
    return jobs.get();
  }

  private static void drain(SparkContext sc) {
    try {
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (TimeoutException e) {
      throw new AssertionError("Spark's listener bus did not drain", e);
    }
  }
}
