package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * A GradientSum comes back from the Java serializer and from Kryo (registration required) with
 * every bit of its arrays, counts and weight, in each of its states: empty, one partition's
 * floats (odd length, longer than one conversion chunk), merged doubles, sums only.
 */
class GradientSumTravelTest {
  private static final ClassTag<GradientSum> TAG = ClassTag$.MODULE$.apply(GradientSum.class);

  static SerializerInstance[] serializers() {
    SparkConf conf = new SparkConf(false)
        .set("spark.kryo.registrationRequired", "true")
        .set("spark.kryo.registrator", SparkmlpKryoRegistrator.class.getName());
    return new SerializerInstance[] {new JavaSerializer(conf).newInstance(),
        new KryoSerializer(conf).newInstance()};
  }

  static float[] randomFloats(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rng.nextGaussian() * Math.pow(10, rng.nextInt(-30, 30)));
    }
    a[0] = Float.NaN;  // bits, not just values
    a[1] = -0f;
    return a;
  }

  private static void assertSame(GradientSum expected, GradientSum actual, int n) {
    float[] e = new float[n];
    float[] a = new float[n];
    expected.gradientInto(e);
    actual.gradientInto(a);
    for (int i = 0; i < n; i++) {
      assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), "element " + i);
    }
    assertArrayEquals(expected.sums(), actual.sums());
    assertEquals(expected.count(), actual.count());
    assertEquals(expected.weight(), actual.weight(), 0.0);
    assertEquals(expected.computeNanos(), actual.computeNanos());
  }

  @Test
  void everyStateTravelsBitForBit() {
    int n = 70_001;
    float[] g1 = randomFloats(n, 1);
    float[] g2 = randomFloats(n, 2);
    for (SerializerInstance ser : serializers()) {
      GradientSum empty = ser.deserialize(ser.serialize(GradientSum.empty(), TAG), TAG);
      assertNull(empty.sums());
      assertEquals(0, empty.count());

      GradientSum single = GradientSum.empty().add(g1, new double[] {1.5, 2}, 7, 0.1);
      assertSame(single, ser.deserialize(ser.serialize(single, TAG), TAG), n);

      GradientSum merged = GradientSum.merge(GradientSum.empty().add(g1, new double[] {1, 2}, 3,
          1e8 + 0.3).addComputeNanos(1_000_000_007L), GradientSum.empty().add(g2,
          new double[] {3, 4}, 5, 3e-9).addComputeNanos(5));
      assertEquals(1_000_000_012L, merged.computeNanos(), "the partitions' compute adds up");
      GradientSum back = ser.deserialize(ser.serialize(merged, TAG), TAG);
      assertSame(merged, back, n);
      // The weight is still exact: a third partition adds as it would have before the trip.
      GradientSum third = GradientSum.empty().add(g1, new double[] {0, 0}, 1, 12345.678);
      assertEquals(GradientSum.merge(merged, third).weight(),
          GradientSum.merge(back, GradientSum.empty().add(g1, new double[] {0, 0}, 1,
              12345.678)).weight(), 0.0);

      GradientSum sumsOnly = GradientSum.empty().addSums(new double[] {4.25}, 9);
      assertSame(sumsOnly, ser.deserialize(ser.serialize(sumsOnly, TAG), TAG), n);
    }
  }
}
