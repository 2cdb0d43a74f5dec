package io.sparkmlp.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SIGTERM (what Airflow, systemd, Kubernetes and {@code kill} send) and SIGINT (Ctrl-C) during
 * {@code train}: instead of the JVM's default, which starts shutdown while Spark jobs run (a
 * Spark stack trace, a half-finished step), the first signal is only noted here, and
 * {@link StopOnSignal} ends training at the next step boundary with a
 * {@link TrainingInterrupted}: the last checkpoint stays, no output is written, and the
 * command exits with {@link ExitCode#INTERRUPTED_SIGINT} or {@link ExitCode#INTERRUPTED_SIGTERM}.
 * A second signal exits at once with the same code.
 *
 * <p>The handlers are the JDK's {@code sun.misc.Signal} (module jdk.unsupported, what Spark's
 * own SignalUtils uses), reached by reflection so that the build stays free of its warning.
 * Where it is missing or the JVM keeps a signal for itself ({@code -Xrs}), that signal keeps its
 * default behaviour.
 */
final class Interruption implements AutoCloseable {
  /** The signals handled, with the exit code each ends the run with. */
  private static final Map<String, Integer> SIGNALS = new LinkedHashMap<>();

  static {
    SIGNALS.put("TERM", ExitCode.INTERRUPTED_SIGTERM);
    SIGNALS.put("INT", ExitCode.INTERRUPTED_SIGINT);
  }

  /** The first signal received since {@link #install}, e.g. "TERM"; null for none. */
  private static volatile String received;

  private final Map<String, Object> previous = new LinkedHashMap<>();

  private Interruption() {}

  /** Handles SIGTERM and SIGINT until closed, which restores the handlers found. */
  static Interruption install() {
    received = null;
    Interruption installed = new Interruption();
    try {
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      for (String name : SIGNALS.keySet()) {
        Object proxy = Proxy.newProxyInstance(Interruption.class.getClassLoader(),
            new Class<?>[] {handler}, (self, method, args) -> switch (method.getName()) {
              case "handle" -> {
                onSignal(name);
                yield null;
              }
              case "equals" -> self == args[0];
              case "hashCode" -> System.identityHashCode(self);
              default -> "sparkmlp SIG" + name + " handler";
            });
        try {
          installed.previous.put(name, handle(name, proxy));
        } catch (InvocationTargetException e) {
          // The JVM keeps this signal (-Xrs, or the OS lacks it): leave it as it is.
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // No sun.misc.Signal on this JVM: signals keep their default behaviour.
    }
    return installed;
  }

  /** The first signal's name ("TERM", "INT") since {@link #install}, or null. */
  static String received() {
    return received;
  }

  /** The exit code for a signal's name. */
  static int exitCode(String signal) {
    return SIGNALS.getOrDefault(signal, ExitCode.FAILURE);
  }

  private static void onSignal(String name) {
    if (received == null) {
      received = name;
      return;
    }
    // A second signal: the user (or the scheduler) will not wait for the step to end.
    System.err.println("sparkmlp: second signal (SIG" + name + "); exiting now, the last "
        + "checkpoint is kept; rerun the same command with --resume");
    System.err.flush();
    int code = exitCode(received);
    new Thread(() -> System.exit(code), "sparkmlp-exit").start();
  }

  /** {@code Signal.handle(new Signal(name), handler)}: installs handler, returns the one before. */
  private static Object handle(String name, Object handler) throws ReflectiveOperationException {
    Class<?> signal = Class.forName("sun.misc.Signal");
    return signal.getMethod("handle", signal, Class.forName("sun.misc.SignalHandler"))
        .invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
  }

  @Override
  public void close() {
    try {
      for (Map.Entry<String, Object> e : previous.entrySet()) {
        handle(e.getKey(), e.getValue());
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Restoring is best effort: the process ends after the command anyway.
    }
  }
}
