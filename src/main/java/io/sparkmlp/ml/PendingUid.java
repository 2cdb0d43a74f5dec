package io.sparkmlp.ml;

/**
 * A stage's uid while Spark's Scala superclass constructors run. Those constructors create
 * Spark's own params (featuresCol, labelCol, ...), each naming {@code this.uid()} as its
 * parent, before a Java subclass can assign a field (Scala classes assign their uid first).
 * So a stage's constructor parks its uid here, on the constructing thread, through a
 * {@code this(...)} argument, and its {@code uid()} reads it until its own field is set.
 */
final class PendingUid {
  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private PendingUid() {}

  /** Parks uid for the superclass constructors that run next on this thread; returns it. */
  static String park(String uid) {
    PENDING.set(uid);
    return uid;
  }

  /** The parked uid, for uid() before the stage's field is set. */
  static String parked() {
    return PENDING.get();
  }

  /** Called once the stage's own uid field is set. */
  static void release() {
    PENDING.remove();
  }
}
