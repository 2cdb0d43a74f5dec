package io.sparkmlp.train;

import io.sparkmlp.nn.Rows;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the JIT to compile the kernel before training needs it: a daemon thread takes local
 * steps of the model on synthetic rows (the code path of sync_every's local steps: forward,
 * backward, the optimizer, the second-moment estimate; exact steps share all but the last two)
 * until it is closed or has run for its time. The CLI starts it before Spark's session and
 * closes it before training, so that it runs while the session starts and the data loads,
 * mostly single-threaded work: in local mode the executors share this JVM's compiled code.
 * Started any later, the kernel's methods queue behind the Spark code the JIT compiles first,
 * and on two cores the founding example's first epoch took 2-3 s against 0.6 s without Spark.
 * It reads a copy of the weights and changes nothing.
 */
public final class KernelWarmUp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KernelWarmUp.class);

  private final Thread thread;
  private volatile boolean stop;
  private volatile int repeats;

  private KernelWarmUp(Trainable model, int rows, double maxSeconds) {
    float[] params = model.params().clone();
    OptimizerSnapshot optimizer = OptimizerSnapshot.of(StepStrategy.stepping(model),
        model.optimizerState());
    StepPlan plan = new StepPlan(model.network(), model.metrics(), 0, 1, false, rows,
        2L * rows);
    float[] x = new float[rows * model.network().inputDim()];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextDouble();
    }
    // Zero targets are valid for every loss: class 0, an all-zero one-hot row, or 0.
    float[] y = new float[rows * model.network().targetCols()];
    Shard shard = new Shard(plan, Rows.of(x, y, null, rows), 0);
    long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
    thread = new Thread(() -> {
      while (!stop && System.nanoTime() < deadline) {
        shard.localSteps(params, optimizer, 0, 0, 1);
        repeats++;
      }
    }, "sparkmlp-kernel-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  /**
   * Starts warming up a model with a first-order optimizer on minibatch slices of {@code rows}
   * rows (at least 2, so that the second-moment estimate runs) for at most maxSeconds.
   */
  public static KernelWarmUp start(Trainable model, int rows, double maxSeconds) {
    KernelWarmUp w = new KernelWarmUp(model, Math.max(2, rows), maxSeconds);
    w.thread.start();
    return w;
  }

  /** Stops the warm-up and waits for its last step. */
  @Override
  public void close() {
    stop = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.debug("kernel warm-up: {} local steps", repeats);
  }
}
