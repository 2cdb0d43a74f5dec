package io.sparkmlp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.testing.Expect;
import org.junit.jupiter.api.Test;

/**
 * The rule of sync_every auto: jobs at most a fifth of the time, rounded up to a power of two,
 * within [1, 128 and an epoch].
 */
class StepCostTest {
  @Test
  void picksEnoughStepsForJobsToBeAFifthOfTheTime() {
    // job 2^-7 s, compute 2^-9 s (exact in binary): k ≥ 4 · 4 = 16, and then jobs take
    // 1 / (1 + 4) of the time.
    assertEquals(16, new StepCost(0x1p-7, 0x1p-9).syncEvery(469));
    // a little more than 16 is rounded up to the next power of two.
    assertEquals(32, new StepCost(0x1p-7 * 1.01, 0x1p-9).syncEvery(469));
    assertEquals(8, new StepCost(0x1p-7 * 0.49, 0x1p-9).syncEvery(469));
    // a job cheaper than a quarter step: exact steps already spend 80% computing.
    assertEquals(1, new StepCost(0x1p-11, 0x1p-9).syncEvery(469));
    assertEquals(2, new StepCost(0x1p-10, 0x1p-9).syncEvery(469));
    assertEquals(4, new StepCost(0x1p-10 * 1.01, 0x1p-9).syncEvery(469));
  }

  @Test
  void capsAtMaxAndAtOneEpoch() {
    assertEquals(128, StepCost.MAX_AUTO_SYNC_EVERY);
    assertEquals(128, new StepCost(0.020, 0.00002).syncEvery(313));
    // an epoch of 100 steps caps it below the next power of two: one job per epoch.
    assertEquals(100, new StepCost(0.020, 0.00002).syncEvery(100));
    assertEquals(7, new StepCost(0.020, 0.00002).syncEvery(7));
    assertEquals(1, new StepCost(0.020, 0.00002).syncEvery(1));
  }

  @Test
  void computeBelowTheClocksResolutionCountsAsOneMicrosecond() {
    StepCost c = new StepCost(0.010, -0.001);
    assertEquals(1e-6, c.computeSeconds());
    assertEquals(10_000, c.ratio(), 1e-6);
  }

  @Test
  void advisesExactRunsOnlyWhenJobsCostOverFourSteps() {
    assertTrue(new StepCost(0.0101, 0.0025).jobsDominate());
    assertFalse(new StepCost(0.0099, 0.0025).jobsDominate());
    assertEquals("job 18.2 ms, compute 1.500 ms per step",
        new StepCost(0.0182, 0.0015).describe());
    assertEquals("12 times", new StepCost(0.0182, 0.0015).describeRatio());
    assertEquals("over 100 times", new StepCost(0.0182, 0.00001).describeRatio());
  }

  @Test
  void refusesANegativeJobCost() {
    Expect.assertMessage("jobSeconds must be finite and >= 0, got -1.0",
        () -> new StepCost(-1, 1));
  }
}
