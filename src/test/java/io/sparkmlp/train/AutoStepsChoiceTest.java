package io.sparkmlp.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How sync_every auto chooses k from the jobs that train, with the timings programmed: a
 * source that trains in-process but reports each job as a Spark source would (wall time and
 * the tasks' compute), with a JIT that makes the first steps slow.
 */
class AutoStepsChoiceTest {
  /** 2,600 rows at batch 10: 260 steps an epoch, so k may reach the cap of 128. */
  private static final Matrix[] DATA = SeedData.generate(2600, 12);

  private static Sequential model() {
    return new Sequential().seed(3)
        .add(new Dense(8, "relu").inputDim(SeedData.FEATURES))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  private static FitOptions.Builder fit(int epochs) {
    return FitOptions.builder().batchSize(10).epochs(epochs).seed(17).verbose(0);
  }

  /**
   * Jobs of a 20 ms fixed cost (100 ms for the first two, which set up) whose steps compute
   * 10 ms each for the first four jobs (the JIT at work), 0.1 ms after. Records each job's steps.
   */
  private static final class TimedSource implements GradientSource {
    private final GradientSource in;
    private final List<Integer> spans = new ArrayList<>();
    private JobTiming last;

    TimedSource(Sequential m, FitOptions options) {
      this.in = new InProcessSource(TrainingData.of(m.network(), DATA[0], DATA[1], options));
    }

    private void timed(int steps) {
      int job = spans.size();
      double step = job < 4 ? 0.010 : 0.0001;
      double fixed = job < 2 ? 0.100 : 0.020;
      last = new JobTiming(fixed + step * steps, step * steps, steps);
      spans.add(steps);
    }

    @Override public long rows() { return in.rows(); }
    @Override public double weightSum() { return in.weightSum(); }
    @Override public int numPartitions() { return 2; }
    @Override public int maxPartitionRows() { return in.maxPartitionRows(); }
    @Override public void start(StepPlan plan) { in.start(plan); }
    @Override public JobTiming lastJob() { return last; }
    @Override public boolean hasValidation() { return in.hasValidation(); }
    @Override public Map<String, Double> validation(float[] p, int e) { return in.validation(p, e); }
    @Override public void close() { in.close(); }

    @Override
    public StepSums run(ShardJob job, float[] params, OptimizerSnapshot optimizer, float[] out) {
      timed(job.steps());
      return in.run(job, params, optimizer, out);
    }
  }

  /** Replays given spans: what auto's steps must equal. */
  private static final class Replay implements StepStrategy {
    private final LocalSteps local;
    private final List<Integer> spans;
    private int next;

    Replay(Sequential m, List<Integer> spans) {
      this.local = new LocalSteps(m, StepCost.MAX_AUTO_SYNC_EVERY);
      this.spans = spans;
    }

    @Override
    public int span(int step, int steps) {
      return spans.get(next);
    }

    @Override
    public StepSums take(GradientSource source, int epoch, int step, int span) {
      next++;
      return local.take(source, epoch, step, span);
    }
  }

  /** One fit through the trainer, as Sequential.fit runs it: its history. */
  private static History train(Sequential m, FitOptions options, StepStrategy strategy,
                               GradientSource source) {
    return m.fit(source, options, strategy);
  }

  @Test
  void kRisesAsTheStepsGetFasterAndIsFixedAtTheFirstEpochsEnd() {
    Sequential m = model();
    FitOptions options = fit(2).build();
    TimedSource source = new TimedSource(m, options);
    History h = train(m, options, new AutoSteps(m), source);
    // Jobs 1-2 set up (no estimate yet: exact steps). Job 3: 20 ms against 10 ms a step: k ≥ 8.
    // Job 5 computes 0.1 ms a step: k ≥ 800, the cap of 128; the epoch's last job takes what
    // is left, and k stays 128 from then on.
    assertEquals(List.of(1, 1, 1, 8, 8, 128, 113, 128, 128, 4), source.spans);
    assertEquals(List.of(128.0, 128.0), h.get(AutoSteps.LOG_KEY));

    Sequential replayed = model();
    train(replayed, options, new Replay(replayed, source.spans),
        new TimedSource(replayed, options));
    assertArrayEquals(replayed.params(), m.params(), "auto's jobs are plain local steps");
  }

  @Test
  void aCheckpointKeepsTheFixedKAndAResumedRunGoesOnWithIt(@TempDir Path dir) {
    Path ckpt = dir.resolve("ckpt");
    Sequential first = model();
    FitOptions one = fit(1).checkpointDir(ckpt).build();
    train(first, one, new AutoSteps(first), new TimedSource(first, one));
    assertEquals(128, Checkpoint.readState(ckpt).syncEvery());

    Sequential resumed = model();
    FitOptions three = fit(3).checkpointDir(ckpt).resume(true).build();
    TimedSource again = new TimedSource(resumed, three);
    train(resumed, three, new AutoSteps(resumed), again);
    assertEquals(List.of(128, 128, 4, 128, 128, 4), again.spans, "no new choice");

    Sequential whole = model();
    FitOptions straight = fit(3).build();
    train(whole, straight, new AutoSteps(whole), new TimedSource(whole, straight));
    assertArrayEquals(whole.params(), resumed.params(),
        "interrupted and resumed = the uninterrupted run");
  }

  @Test
  void inProcessItTakesExactSteps() {
    Sequential auto = model();
    FitOptions options = fit(1).build();
    History h = train(auto, options, new AutoSteps(auto),
        GradientSource.inProcess(TrainingData.of(auto.network(), DATA[0], DATA[1], options)));
    assertEquals(List.of(1.0), h.get(AutoSteps.LOG_KEY));
    Sequential exact = model();
    exact.fit(DATA[0], DATA[1], options);
    assertArrayEquals(exact.params(), auto.params());
  }

  @Test
  void runLengthsNameEachKWithItsJobs() {
    assertEquals("1×3, 8×2, 128×1", AutoSteps.runLengths(List.of(1, 1, 1, 8, 8, 128)));
    assertEquals("", AutoSteps.runLengths(List.of()));
  }

  @Test
  void beforeItIsFixedACheckpointKeepsNoChoice() {
    assertNull(new AutoSteps(model()).chosenSyncEvery());
  }
}
