package io.sparkmlp.optim;

import static io.sparkmlp.testing.Expect.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersTest {

  @Test
  void byNameIgnoresCaseAndGivesKerasDefaults() {
    assertInstanceOf(Sgd.class, Optimizers.byName("SGD"));
    assertInstanceOf(Adam.class, Optimizers.byName("adam"));
    assertInstanceOf(AdamW.class, Optimizers.byName("AdamW"));
    assertInstanceOf(RmsProp.class, Optimizers.byName("RMSprop"));
    assertInstanceOf(Adagrad.class, Optimizers.byName("adagrad"));
    assertEquals(Map.of("learning_rate", 0.001, "beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7),
        Optimizers.byName("adam").config());
    for (String name : Optimizers.NAMES) {
      assertEquals(name, Optimizers.byName(name).name());
    }
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertMessage("unknown optimizer 'adma'; expected one of: sgd, adam, adamw, rmsprop, "
        + "adagrad, lbfgs",
        () -> Optimizers.byName("adma"));
    assertMessage("unknown optimizer 'null'; expected one of: sgd, adam, adamw, rmsprop, "
        + "adagrad, lbfgs",
        () -> Optimizers.byName(null));
  }

  static List<Optimizer> nonDefaultOptimizers() {
    return List.of(
        new Sgd(new Sgd.Settings(new ConstantSchedule(0.05), 2.5, 0.8, true)),
        new Adam(new Adam.Settings(new ExponentialDecay(0.01, 10, 0.9, true), null, 0.8, 0.99,
            1e-6)),
        new AdamW(new AdamW.Settings(new CosineDecay(0.01, 50, 0.1), 1.0, 0.01, 0.85, null,
            null)),
        new RmsProp(new RmsProp.Settings(new StepDecay(0.01, 2, 0.5), null, 0.8, 0.3, 1e-5,
            true)),
        new Adagrad(new Adagrad.Settings(new ConstantSchedule(0.2), null, 0.5, 1e-6)));
  }

  @Test
  void configRoundTripGivesTheSameConfigAndIdenticalSteps() {
    for (Optimizer original : nonDefaultOptimizers()) {
      Optimizer rebuilt = (Optimizer) Optimizers.fromConfig(original.name(), original.config());
      assertEquals(original.config(), rebuilt.config(), original.name());
      assertArrayEquals(run(original), run(rebuilt), original.name());
    }
  }

  @Test
  void javaSerializationKeepsTheSettings() throws Exception {
    for (Optimizer original : nonDefaultOptimizers()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(original);
      }
      Optimizer back;
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        back = (Optimizer) in.readObject();
      }
      assertEquals(original.config(), back.config());
      assertArrayEquals(run(original), run(back));
    }
  }

  @Test
  void scheduleIsNestedInLearningRateAsKerasDoes() {
    Map<String, Object> config =
        new Sgd(new Sgd.Settings(new StepDecay(0.1, 5, 0.5), null, null, null)).config();
    assertEquals(Map.of("class_name", "StepDecay",
            "config", Map.of("initial_learning_rate", 0.1, "step_size", 5L, "factor", 0.5)),
        config.get("learning_rate"));
  }

  @Test
  void fromConfigTakesJsonNumbersAndFillsDefaults() {
    Map<String, Object> config = new HashMap<>();
    config.put("learning_rate", 1);             // Integer, as Jackson reads "1"
    config.put("momentum", "0.5");              // YAML 1.1 reads 5e-1 style numbers as strings
    config.put("clipnorm", null);               // Keras writes None for unset options
    Sgd sgd = (Sgd) Optimizers.fromConfig("sgd", config);
    assertEquals(1.0, sgd.learningRate(1));
    assertEquals(0.5, sgd.settings().momentum());
    assertEquals(false, sgd.settings().nesterov());
    assertEquals(Double.POSITIVE_INFINITY, sgd.settings().clipnorm());
    AdamW adamw = (AdamW) Optimizers.fromConfig("adamw", Map.of("learning_rate", 2L));
    assertEquals(2.0, adamw.learningRate(1));
    assertEquals(0.004, adamw.weightDecay());
  }

  @Test
  void unknownConfigKeyNamesItAndTheAllowedOnes() {
    assertMessage("unknown key 'beta1' in adam config; expected one of: "
        + "learning_rate, clipnorm, beta_1, beta_2, epsilon",
        () -> Optimizers.fromConfig("adam", Map.of("beta1", 0.9)));
    Map<String, Object> badSchedule = new LinkedHashMap<>();
    badSchedule.put("class_name", "ExponentialDecay");
    badSchedule.put("config", Map.of("initial_learning_rate", 0.1, "decay_steps", 10,
        "decay_rate", 0.5, "name", "ExponentialDecay"));
    assertMessage("unknown key 'name' in ExponentialDecay config; expected one of: "
        + "initial_learning_rate, decay_steps, decay_rate, staircase",
        () -> Optimizers.fromConfig("sgd", Map.of("learning_rate", badSchedule)));
  }

  @Test
  void badSettingsNameTheFieldAndValue() {
    assertMessage("adam learning_rate must be a finite number > 0, got -0.1",
        () -> Optimizers.fromConfig("adam", Map.of("learning_rate", -0.1)));
    assertMessage("adam beta_1 must be in [0, 1), got 1.0",
        () -> Optimizers.fromConfig("adam", Map.of("beta_1", 1.0)));
    assertMessage("adamw beta_2 must be in [0, 1), got 1.5",
        () -> Optimizers.fromConfig("adamw", Map.of("beta_2", 1.5)));
    assertMessage("sgd learning_rate must be a finite number > 0, got NaN",
        () -> Optimizers.fromConfig("sgd", Map.of("learning_rate", Double.NaN)));
    assertMessage("sgd momentum must be in [0, 1), got -0.5",
        () -> Optimizers.fromConfig("sgd", Map.of("momentum", -0.5)));
    assertMessage("rmsprop rho must be in [0, 1), got 1.0",
        () -> Optimizers.fromConfig("rmsprop", Map.of("rho", 1)));
    assertMessage("adagrad initial_accumulator_value must be a finite number >= 0, got -1.0",
        () -> Optimizers.fromConfig("adagrad", Map.of("initial_accumulator_value", -1)));
    assertMessage("adamw weight_decay must be a finite number >= 0, got -0.01",
        () -> Optimizers.fromConfig("adamw", Map.of("weight_decay", -0.01)));
    assertMessage("adam epsilon must be a finite number > 0, got 0.0",
        () -> Optimizers.fromConfig("adam", Map.of("epsilon", 0)));
    assertMessage("adam clipnorm must be a finite number > 0, got 0.0",
        () -> Optimizers.fromConfig("adam", Map.of("clipnorm", 0)));
    assertMessage("adam learning_rate must be a number, got 'fast' (a string)",
        () -> Optimizers.fromConfig("adam", Map.of("learning_rate", "fast")));
    assertMessage("sgd nesterov must be true or false, got 1 (Integer)",
        () -> Optimizers.fromConfig("sgd", Map.of("nesterov", 1)));
  }

  @Test
  void settingsRecordsDefaultNullsAndNameTheComponentTheyRefuse() {
    Adam.Settings keras = new Adam.Settings(null, null, null, null, null);
    assertEquals(0.001, keras.learningRate().at(0));
    assertEquals(Double.POSITIVE_INFINITY, keras.clipnorm());
    assertEquals(List.of(0.9, 0.999, 1e-7), List.of(keras.beta1(), keras.beta2(),
        keras.epsilon()));
    AdamW.Settings adamw = new AdamW.Settings(null, 2.0, 0.1, 0.8, null, 1e-6);
    Adam.Settings adam = adamw.adam();
    assertSame(adamw.learningRate(), adam.learningRate());
    assertEquals(List.of(2.0, 0.8, 0.999, 1e-6), List.of(adam.clipnorm(), adam.beta1(),
        adam.beta2(), adam.epsilon()));
    assertMessage("beta_1 must be in [0, 1), got 1.0",
        () -> new Adam.Settings(null, null, 1.0, null, null));
    assertMessage("learning_rate must be a finite number > 0, got -0.1", () -> new Adam(-0.1));
    assertMessage("weight_decay must be a finite number >= 0, got -0.01",
        () -> new AdamW.Settings(null, null, -0.01, null, null, null));
    assertMessage("clipnorm must be a finite number > 0, got 0.0",
        () -> new Sgd.Settings(null, 0.0, null, null));
  }

  @Test
  void stepRejectsMismatchedArraysAndForeignStates() {
    Adam adam = (Adam) Optimizers.byName("adam");
    assertMessage("gradient has 2 values, expected one per parameter: 3",
        () -> adam.step(new float[3], new float[2], adam.newState(3)));
    assertMessage("adam needs a state with 2 slots, got 0; create it with newState",
        () -> adam.step(new float[3], new float[3], Optimizers.byName("sgd").newState(3)));
    assertMessage("optimizer state slot 0 has 4 values, expected one per parameter: 3",
        () -> adam.step(new float[3], new float[3], adam.newState(4)));
  }

  /** Five steps from fixed parameters with a gradient large enough to trigger clipping. */
  private static float[] run(Optimizer optimizer) {
    float[] w = {1.0f, -2.0f, 0.5f};
    OptimizerState state = optimizer.newState(w.length);
    for (int t = 0; t < 5; t++) {
      float[] g = {3 * w[0] - 1, 2 * w[1] + 0.5f, -w[2]};
      optimizer.step(w, g, state);
    }
    return w;
  }
}
