package io.sparkmlp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Central-difference gradient checks in double: an analytic float gradient against the
 * numerical derivative (f(p + h·e_i) − f(p − h·e_i)) / 2h of an independent double-precision
 * loss, parameter by parameter, with a relative tolerance and an absolute floor.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /**
   * Asserts that {@code analytic[i]} is the central difference of loss at p for every i:
   * |numeric − analytic| ≤ relTol·max(|numeric|, |analytic|) + absFloor. p is perturbed one
   * entry at a time and restored; a failure lists every parameter that is off, prefixed by
   * {@code what}.
   */
  public static void assertGradient(ToDoubleFunction<double[]> loss, double[] p,
                                    float[] analytic, double h, double relTol, double absFloor,
                                    Supplier<String> what) {
    assertEquals(p.length, analytic.length, "parameters and gradient entries");
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + h;
      double up = loss.applyAsDouble(p);
      p[i] = keep - h;
      double down = loss.applyAsDouble(p);
      p[i] = keep;
      double numeric = (up - down) / (2 * h);
      double err = Math.abs(numeric - analytic[i]);
      if (!(err <= relTol * Math.max(Math.abs(numeric), Math.abs(analytic[i])) + absFloor)) {
        failures.add(String.format(Locale.ROOT, "param %d: analytic %.7g numeric %.7g", i,
            analytic[i], numeric));
      }
    }
    assertTrue(failures.isEmpty(), () -> what.get() + ": " + failures);
  }

  /** The float values widened to double, for a double-precision reference. */
  public static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
