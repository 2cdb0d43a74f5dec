package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.spark.source.MatrixSource;


import io.sparkmlp.data.Matrix;
import io.sparkmlp.examples.SeedData;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.testing.Expect;
import io.sparkmlp.train.AutoSteps;
import io.sparkmlp.train.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sync_every auto (0) on Spark: chooses k from its jobs' timings, and once it is fixed trains
 * exactly as sync_every k would. 241 rows at batch 30 are 9 steps an epoch, so any k in 1..9
 * can come out. The choice itself, with programmed timings: AutoStepsChoiceTest.
 */
class AutoStepsTest {
  private static final Matrix[] DATA = SeedData.generate(241, 12);

  private static Sequential model() {
    return new Sequential().seed(3)
        .add(new Dense(8, "relu").inputDim(SeedData.FEATURES))
        .add(new Dense(SeedData.CLASSES, "softmax"))
        .compile("categorical_crossentropy", "adam", "accuracy");
  }

  private static History train(Sequential m, int syncEvery) {
    return train(m, syncEvery, FitOptions.builder().batchSize(30).epochs(3).seed(17).verbose(0)
        .build());
  }

  private static History train(Sequential m, int syncEvery, FitOptions fit) {
    JavaSparkContext jsc = SparkTestSession.jsc();
    TrainingBlocks blocks = TrainingBlocks.prepare(
        MatrixSource.blocks(jsc, DATA[0], DATA[1], null, 3), m.network(), "train");
    try {
      return new DistributedTrainer(jsc, m, DistributedOptions.builder()
          .fit(fit).syncEvery(syncEvery).build()).fit(blocks, null);
    } finally {
      blocks.release();
    }
  }

  @Test
  void autoChoosesOnceFromItsJobsTimings() {
    History h = train(model(), DistributedOptions.AUTO_SYNC_EVERY);
    List<Double> chosen = h.get(AutoSteps.LOG_KEY);
    assertEquals(3, chosen.size());
    int k = chosen.get(0).intValue();
    assertTrue(k >= 1 && k <= 9, "k within one epoch's 9 steps, got " + k);
    assertEquals(List.of((double) k, (double) k, (double) k), chosen,
        "fixed at the first epoch's end (it has at least 4 jobs)");
  }

  @Test
  void resumingGoesOnWithTheChoiceOfTheCheckpoint(@TempDir Path dir) {
    Path ckpt = dir.resolve("ckpt");
    History first = train(model(), DistributedOptions.AUTO_SYNC_EVERY, FitOptions.builder()
        .batchSize(30).epochs(2).seed(17).verbose(0).checkpointDir(ckpt).build());
    int k = first.get(AutoSteps.LOG_KEY).get(0).intValue();
    assertEquals(k, Checkpoint.readState(ckpt).syncEvery(), "the checkpoint keeps k");

    Sequential resumed = model();
    History rest = train(resumed, DistributedOptions.AUTO_SYNC_EVERY, resumeFrom(ckpt, dir, "a"));
    assertEquals(List.of((double) k, (double) k, (double) k, (double) k),
        rest.get(AutoSteps.LOG_KEY), "the checkpoint's epochs, then no new choice after resuming");

    Sequential fixed = model();
    train(fixed, k, resumeFrom(ckpt, dir, "b"));
    assertArrayEquals(fixed.params(), resumed.params(),
        "a resumed auto run goes on exactly as sync_every k");
  }

  /** Options that resume 4 epochs from a copy of ckpt (each resumed run writes its own). */
  private static FitOptions resumeFrom(Path ckpt, Path dir, String name) {
    Path copy = dir.resolve(name);
    try {
      copyTree(ckpt, copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return FitOptions.builder().batchSize(30).epochs(4).seed(17).verbose(0)
        .checkpointDir(copy).resume(true).build();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  @Test
  void fixedSettingsKeepNoChoiceInCheckpoints(@TempDir Path dir) {
    Path ckpt = dir.resolve("ckpt");
    train(model(), 4, FitOptions.builder().batchSize(30).epochs(1).seed(17).verbose(0)
        .checkpointDir(ckpt).build());
    assertNull(Checkpoint.readState(ckpt).syncEvery());
  }

  @Test
  void fixedSettingsLogNoChoice() {
    assertFalse(train(model(), 1).keys().contains(AutoSteps.LOG_KEY));
    assertFalse(train(model(), 4).keys().contains(AutoSteps.LOG_KEY));
  }

  @Test
  void aSmallNetworksStepChoosesTheCap() {
    // 2,600 rows at batch 20: 130 steps an epoch. A 12-8-3 step of 7 rows per partition computes
    // in microseconds against a job of milliseconds, so auto takes the most it may: 128 (powers
    // of two, at most one epoch's steps), however the machine's timings vary.
    Matrix[] big = SeedData.generate(2600, 5);
    JavaSparkContext jsc = SparkTestSession.jsc();
    Sequential m = model();
    TrainingBlocks blocks = TrainingBlocks.prepare(
        MatrixSource.blocks(jsc, big[0], big[1], null, 3), m.network(), "train");
    History h;
    try {
      h = new DistributedTrainer(jsc, m, DistributedOptions.builder()
          .fit(FitOptions.builder().batchSize(20).epochs(1).seed(17).verbose(0).build())
          .syncEvery(0).build()).fit(blocks, null);
    } finally {
      blocks.release();
    }
    assertEquals(List.of(128.0), h.get(AutoSteps.LOG_KEY));
  }

  @Test
  void negativeSyncEveryIsRefused() {
    Expect.assertMessage("syncEvery must be >= 1, or 0 for automatic, got -1",
        () -> DistributedOptions.builder().syncEvery(-1).build());
  }
}
