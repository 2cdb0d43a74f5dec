package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;


import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import io.sparkmlp.train.OptimizerSnapshot;
import java.util.Map;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/**
 * What a local-steps job broadcasts comes back from the Java serializer and from Kryo
 * (registration required) with every bit of its weights and slots, the optimizer's step and
 * its configuration.
 */
class LocalStartTravelTest {
  private static final ClassTag<LocalStart> TAG = ClassTag$.MODULE$.apply(LocalStart.class);

  private static void assertBits(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
          what + " element " + i);
    }
  }

  @Test
  void weightsSlotsStepAndOptimizerTravelBitForBit() {
    int n = 70_001;
    float[] params = GradientSumTravelTest.randomFloats(n, 1);
    float[][] slots = {GradientSumTravelTest.randomFloats(n, 2),
        GradientSumTravelTest.randomFloats(n, 3)};
    Optimizer adam = (Optimizer) Optimizers.fromConfig("adam", Map.of("learning_rate", 0.0025,
        "beta_2", 0.98));
    LocalStart start = LocalStart.of(params,
        OptimizerSnapshot.of(adam, new OptimizerState(1_234_567_890_123L, slots)));
    for (SerializerInstance ser : GradientSumTravelTest.serializers()) {
      LocalStart back = ser.deserialize(ser.serialize(start, TAG), TAG);
      assertBits(params, back.params(), "params");
      OptimizerSnapshot snapshot = back.optimizer();
      assertEquals(1_234_567_890_123L, snapshot.step());
      assertEquals(2, snapshot.slots().length);
      assertBits(slots[0], snapshot.slots()[0], "slot 0");
      assertBits(slots[1], snapshot.slots()[1], "slot 1");
      assertEquals(adam.name(), snapshot.optimizer().name());
      assertEquals(adam.config(), snapshot.optimizer().config());
    }
  }

  @Test
  void anOptimizerWithoutSlotsTravelsToo() {
    float[] params = GradientSumTravelTest.randomFloats(5, 4);
    Optimizer sgd = (Optimizer) Optimizers.byName("sgd");
    LocalStart start = LocalStart.of(params, OptimizerSnapshot.of(sgd, new OptimizerState(0,
        new float[0][])));
    for (SerializerInstance ser : GradientSumTravelTest.serializers()) {
      LocalStart back = ser.deserialize(ser.serialize(start, TAG), TAG);
      assertBits(params, back.params(), "params");
      assertEquals(0, back.optimizer().slots().length);
      assertEquals(sgd.config(), back.optimizer().optimizer().config());
    }
  }
}
