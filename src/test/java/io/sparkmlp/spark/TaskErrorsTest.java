package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** Only sparkmlp's own IllegalArgumentExceptions are data errors; a library's are not. */
class TaskErrorsTest {
  private static IllegalArgumentException thrownIn(String... classes) {
    IllegalArgumentException e = new IllegalArgumentException("x");
    StackTraceElement[] trace = new StackTraceElement[classes.length];
    for (int i = 0; i < classes.length; i++) {
      trace[i] = new StackTraceElement(classes[i], "m", "F.java", 1);
    }
    e.setStackTrace(trace);
    return e;
  }

  @Test
  void ourChecksAreBadInput() {
    IllegalArgumentException ours = thrownIn("io.sparkmlp.util.Checks", "org.apache.spark.X");
    assertSame(ours, TaskErrors.badInput(new SparkException("job failed", ours)));
    // A JDK parser called by sparkmlp's reader throws on sparkmlp's behalf.
    IllegalArgumentException parsed = thrownIn("java.lang.Integer", "io.sparkmlp.cli.Reader");
    assertSame(parsed, TaskErrors.badInput(new SparkException("job failed", parsed)));
  }

  @Test
  void aSerializerFailureIsNotADataError() {
    IllegalArgumentException kryo = thrownIn("com.esotericsoftware.kryo.Kryo",
        "org.apache.spark.serializer.KryoSerializerInstance", "io.sparkmlp.spark.StepTask");
    assertNull(TaskErrors.badInput(new SparkException("job failed", kryo)));
  }
}
