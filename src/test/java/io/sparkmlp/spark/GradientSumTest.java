package io.sparkmlp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Task results merge to the same float gradient in whatever order Spark combines them. */
class GradientSumTest {

  private static GradientSum partition(float[] grad, long rows) {
    return GradientSum.empty().add(grad, new double[] {rows * 0.5, rows}, rows);
  }

  @Test
  void everyMergeOrderGivesTheSameFloats() {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 10_000;
    float[][] parts = new float[5][n];
    for (float[] p : parts) {
      for (int i = 0; i < n; i++) {
        p[i] = (float) (rng.nextGaussian() * 1e-3);
      }
    }
    float[] reference = null;
    for (List<Integer> order : permutations(List.of(0, 1, 2, 3, 4))) {
      // A left fold, as the driver does, and a tree of pairs, as deeper aggregation does.
      GradientSum fold = GradientSum.empty();
      for (int i : order) {
        fold = GradientSum.merge(fold, partition(parts[i], 10));
      }
      GradientSum tree = GradientSum.merge(
          GradientSum.merge(partition(parts[order.get(0)], 10), partition(parts[order.get(1)], 10)),
          GradientSum.merge(partition(parts[order.get(2)], 10),
              GradientSum.merge(partition(parts[order.get(3)], 10),
                  partition(parts[order.get(4)], 10))));
      float[] a = new float[n];
      float[] b = new float[n];
      fold.gradientInto(a);
      tree.gradientInto(b);
      assertArrayEquals(a, b, 0f);
      if (reference == null) {
        reference = a;
      }
      assertArrayEquals(reference, a, 0f, "order " + order);
      assertEquals(50, fold.count());
      assertEquals(25.0, fold.sums()[0]);
    }
  }

  @Test
  void oneTaskResultIsItsPartitionsFloatsExactly() {
    float[] g = {1.5f, -2.25e-8f, 3e7f};
    float[] out = new float[3];
    GradientSum.merge(GradientSum.empty(), partition(g, 1)).gradientInto(out);
    assertArrayEquals(g, out, 0f);
    GradientSum.merge(GradientSum.empty().addSums(new double[2], 0), partition(g, 1))
        .gradientInto(out);
    assertArrayEquals(g, out, 0f, "a partition without rows adds nothing");
  }

  @Test
  void twoTaskResultsGiveTheirDoubleSumRoundedToFloat() {
    // Exponents from subnormal to near overflow, gaps wider than a double can hold, and the
    // halfway cases where rounding twice could go wrong.
    SplittableRandom rng = new SplittableRandom(11);
    int n = 200_000;
    float[] a = new float[n];
    float[] b = new float[n];
    float[] c = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rng.nextGaussian() * Math.pow(2, rng.nextInt(-150, 127)));
      b[i] = (float) (rng.nextGaussian() * Math.pow(2, rng.nextInt(-150, 127)));
      c[i] = (float) (rng.nextGaussian() * Math.pow(2, rng.nextInt(-150, 127)));
    }
    a[0] = 1f + 0x1p-23f;
    b[0] = 0x1p-24f;  // exactly halfway: ties to even
    a[1] = 1f;
    b[1] = 0x1p-24f + 0x1p-47f;  // just above halfway
    a[2] = -0f;
    b[2] = -0f;
    a[3] = Float.MAX_VALUE;
    b[3] = Float.MAX_VALUE;
    GradientSum two = GradientSum.merge(GradientSum.merge(GradientSum.empty(), partition(a, 1)),
        partition(b, 1));
    float[] out = new float[n];
    two.gradientInto(out);
    for (int i = 0; i < n; i++) {
      float expected = (float) ((double) a[i] + (double) b[i]);
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[i]),
          "element " + i + ": " + a[i] + " + " + b[i]);
    }
    // A third result after the two adds in double, in partition order.
    GradientSum.merge(two, partition(c, 1)).gradientInto(out);
    for (int i = 0; i < n; i++) {
      float expected = (float) (((double) a[i] + (double) b[i]) + (double) c[i]);
      assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[i]),
          "element " + i);
    }
    assertEquals(3, GradientSum.merge(GradientSum.merge(partition(a, 1), partition(b, 1)),
        partition(c, 1)).count());
  }

  private static List<List<Integer>> permutations(List<Integer> items) {
    if (items.size() <= 1) {
      return List.of(items);
    }
    List<List<Integer>> all = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Integer> rest = new ArrayList<>(items);
      int head = rest.remove(i);
      for (List<Integer> p : permutations(rest)) {
        List<Integer> l = new ArrayList<>();
        l.add(head);
        l.addAll(p);
        all.add(l);
      }
    }
    return all;
  }
}
