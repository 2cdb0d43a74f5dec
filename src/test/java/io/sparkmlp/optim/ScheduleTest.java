package io.sparkmlp.optim;

import static io.sparkmlp.testing.Expect.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  private static final double TOL = 1e-15;

  @Test
  void constant() {
    ConstantSchedule s = new ConstantSchedule(0.1);
    assertEquals(0.1, s.at(0));
    assertEquals(0.1, s.at(1_000_000));
  }

  @Test
  void stepDecayMultipliesEveryStepSize() {
    StepDecay s = new StepDecay(0.1, 10, 0.5);
    assertEquals(0.1, s.at(0), TOL);
    assertEquals(0.1, s.at(9), TOL);
    assertEquals(0.1 * 0.5, s.at(10), TOL);
    assertEquals(0.1 * 0.5 * 0.5, s.at(25), TOL);
    assertEquals(0.1 * Math.pow(0.5, 10), s.at(100), TOL);
  }

  @Test
  void exponentialDecaySmoothAndStaircase() {
    ExponentialDecay smooth = new ExponentialDecay(0.1, 100, 0.96);
    assertEquals(0.1, smooth.at(0), TOL);
    assertEquals(0.1 * Math.sqrt(0.96), smooth.at(50), TOL);
    assertEquals(0.1 * 0.96, smooth.at(100), TOL);
    assertEquals(0.1 * Math.pow(0.96, 2.5), smooth.at(250), TOL);

    ExponentialDecay stairs = new ExponentialDecay(0.1, 100, 0.96, true);
    assertEquals(0.1, stairs.at(99), TOL);
    assertEquals(0.1 * 0.96, stairs.at(100), TOL);
    assertEquals(0.1 * 0.96 * 0.96, stairs.at(250), TOL);
  }

  @Test
  void cosineDecayFromInitialToAlphaFloor() {
    CosineDecay s = new CosineDecay(0.1, 100, 0.1);
    assertEquals(0.1, s.at(0), TOL);
    // cos(π/4) = √½: 0.1·(0.9·½·(1 + √½) + 0.1)
    assertEquals(0.1 * (0.9 * 0.5 * (1 + Math.sqrt(0.5)) + 0.1), s.at(25), TOL);
    assertEquals(0.1 * (0.9 * 0.5 + 0.1), s.at(50), TOL);
    assertEquals(0.01, s.at(100), TOL);
    assertEquals(0.01, s.at(500), TOL, "stays at the floor after decay_steps");
    assertEquals(0.0, new CosineDecay(0.1, 100).at(100), TOL, "Keras's default alpha is 0");
  }

  @Test
  void optimizerStepTUsesScheduleAtTMinusOneAsKeras() {
    Sgd sgd = new Sgd(new Sgd.Settings(new StepDecay(0.1, 1, 0.5), null, null, null));
    assertEquals(0.1, sgd.learningRate(1));
    assertEquals(0.05, sgd.learningRate(2));
    float[] w = {0f};
    OptimizerState state = sgd.newState(1);
    sgd.step(w, new float[] {1f}, state);
    assertEquals(-0.1f, w[0], 1e-7f);
    sgd.step(w, new float[] {1f}, state);
    assertEquals(-0.15f, w[0], 1e-7f);
    assertMessage("step is 1-based, got 0", () -> sgd.learningRate(0));
  }

  @Test
  void configRoundTripsThroughFromConfig() {
    List<LearningRateSchedule> all = List.of(new ConstantSchedule(0.02),
        new StepDecay(0.1, 7, 0.3), new ExponentialDecay(0.1, 100, 0.96, true),
        new CosineDecay(0.5, 1000, 0.05));
    for (LearningRateSchedule s : all) {
      LearningRateSchedule back = LearningRateSchedule.fromConfig(s.className(), s.config());
      assertEquals(s.getClass(), back.getClass());
      assertEquals(s.config(), back.config());
      for (long i : new long[] {0, 1, 6, 7, 99, 100, 2000}) {
        assertEquals(s.at(i), back.at(i), 0.0);
      }
    }
  }

  @Test
  void fromConfigTakesJsonNumberTypesAndDefaults() {
    LearningRateSchedule s = LearningRateSchedule.fromConfig("exponentialdecay",
        Map.of("initial_learning_rate", 1, "decay_steps", 100.0, "decay_rate", "0.5"));
    assertEquals(Map.of("initial_learning_rate", 1.0, "decay_steps", 100L, "decay_rate", 0.5,
        "staircase", false), s.config());
    assertEquals(0.5, s.at(100), TOL);
  }

  @Test
  void badSettingsNameTheFieldAndValue() {
    assertMessage("ExponentialDecay decay_steps must be >= 1, got 0",
        () -> new ExponentialDecay(0.1, 0, 0.9));
    assertMessage("CosineDecay alpha must be in [0, 1], got 1.5",
        () -> new CosineDecay(0.1, 10, 1.5));
    assertMessage("StepDecay initial_learning_rate must be a finite number > 0, got -1.0",
        () -> new StepDecay(-1, 10, 0.5));
    assertMessage("unknown learning rate schedule 'Cosine'; expected one of: "
        + "ConstantSchedule, StepDecay, ExponentialDecay, CosineDecay",
        () -> LearningRateSchedule.fromConfig("Cosine", Map.of()));
    assertMessage("unknown key 'warmup_steps' in CosineDecay config; expected one of: "
        + "initial_learning_rate, decay_steps, alpha",
        () -> LearningRateSchedule.fromConfig("CosineDecay",
            Map.of("initial_learning_rate", 0.1, "decay_steps", 10, "warmup_steps", 5)));
    assertMessage("StepDecay step_size must be an integer, got 2.5",
        () -> LearningRateSchedule.fromConfig("StepDecay",
            Map.of("initial_learning_rate", 0.1, "step_size", 2.5, "factor", 0.5)));
  }
}
