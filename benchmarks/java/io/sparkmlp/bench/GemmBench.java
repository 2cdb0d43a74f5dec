package io.sparkmlp.bench;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import io.sparkmlp.kernel.Gemm;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * GFLOP/s of the three GEMM kinds on the shapes of one training step of a 784-256-128-10 MLP at
 * batch 128, for our Gemm, its scalar fallback, and dev.ludovic.netlib's Java and native BLAS.
 *
 * <p>Plain main, no JMH: each case warms up for about a second, then runs 15 timed rounds of
 * about 50 ms and prints the best and median round. Time is the thread's CPU time, so that
 * other processes on a shared machine cost less accuracy (they still share caches and cores). Run it pinned to one core (see
 * {@code benchmarks/gemm.sh}). Arguments: the routes to run, any of {@code gemm scalar
 * netlib-java netlib-native} (default: all).
 */
public final class GemmBench {
  private GemmBench() {}

  enum Kind { PLAIN, TRANS_A, TRANS_B }

  /** One product C(m,n) (+)= op(A)·op(B), as Gemm declares them. */
  interface Route {
    void run(Kind kind, float[] c, float[] a, float[] b, int m, int n, int k, boolean acc);
  }

  record Shape(String what, Kind kind, int m, int n, int k, boolean acc) {}

  private static final List<Shape> STEP = List.of(
      new Shape("fwd  L1 X·W", Kind.PLAIN, 128, 256, 784, false),
      new Shape("fwd  L2 X·W", Kind.PLAIN, 128, 128, 256, false),
      new Shape("fwd  L3 X·W", Kind.PLAIN, 128, 10, 128, false),
      new Shape("dW   L1 Xᵀ·dY", Kind.TRANS_A, 784, 256, 128, true),
      new Shape("dW   L2 Xᵀ·dY", Kind.TRANS_A, 256, 128, 128, true),
      new Shape("dW   L3 Xᵀ·dY", Kind.TRANS_A, 128, 10, 128, true),
      new Shape("dX   L2 dY·Wᵀ", Kind.TRANS_B, 128, 256, 128, false),
      new Shape("dX   L3 dY·Wᵀ", Kind.TRANS_B, 128, 128, 10, false));

  public static void main(String[] args) throws Throwable {
    List<String> want = args.length > 0 ? List.of(args)
        : List.of("gemm", "scalar", "netlib-java", "netlib-native");
    System.out.printf(Locale.ROOT, "java %s, Gemm.VECTORIZED=%s, OPENBLAS_CORETYPE=%s, "
            + "OPENBLAS_NUM_THREADS=%s%n", System.getProperty("java.version"), Gemm.VECTORIZED,
        System.getenv("OPENBLAS_CORETYPE"), System.getenv("OPENBLAS_NUM_THREADS"));
    List<String> names = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    for (String w : want) {
      Route r = route(w);
      if (r != null) {
        names.add(w);
        routes.add(r);
      }
    }
    Route reference = GemmBench::gemm;
    System.out.printf(Locale.ROOT, "%-16s %5s %5s %5s | %s%n", "shape", "m", "n", "k",
        String.join(" | ", names.stream().map(s -> String.format("%-22s", s + " best/med"))
            .toList()));
    double[] stepSeconds = new double[routes.size()];
    for (Shape s : STEP) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-16s %5d %5d %5d |",
          s.what(), s.m(), s.n(), s.k()));
      for (int r = 0; r < routes.size(); r++) {
        double[] t = time(routes.get(r), reference, s);
        double flop = 2.0 * s.m() * s.n() * s.k();
        stepSeconds[r] += t[0];
        line.append(String.format(Locale.ROOT, " %7.1f / %7.1f GF/s  |", flop / t[0] / 1e9,
            flop / t[1] / 1e9));
      }
      System.out.println(line);
    }
    StringBuilder line = new StringBuilder(String.format("%-34s|", "step (GEMMs only), samples/s"));
    for (double sec : stepSeconds) {
      line.append(String.format(Locale.ROOT, " %12.0f (%5.1f us) |", 128 / sec, sec * 1e6));
    }
    System.out.println(line);
  }

  /** Best and median seconds per call; also checks the route against Gemm once. */
  private static double[] time(Route route, Route reference, Shape s) {
    Random rnd = new Random(1);
    float[] a = fill(new float[s.m() * s.k()], rnd);
    float[] b = fill(new float[s.k() * s.n()], rnd);
    float[] c = new float[s.m() * s.n()];
    float[] ref = new float[s.m() * s.n()];
    route.run(s.kind(), c, a, b, s.m(), s.n(), s.k(), false);
    reference.run(s.kind(), ref, a, b, s.m(), s.n(), s.k(), false);
    double err = 0;
    double scale = 0;
    for (int i = 0; i < c.length; i++) {
      err = Math.max(err, Math.abs(c[i] - ref[i]));
      scale = Math.max(scale, Math.abs(ref[i]));
    }
    if (err > 1e-4 * Math.max(1, scale)) {
      throw new AssertionError("route disagrees with Gemm on " + s + ": max diff " + err);
    }
    long until = cpuNanos() + 1_000_000_000L;
    int calls = 0;
    while (cpuNanos() < until) {
      route.run(s.kind(), c, a, b, s.m(), s.n(), s.k(), s.acc());
      calls++;
    }
    int reps = Math.max(1, calls / 20);
    double[] rounds = new double[15];
    for (int r = 0; r < rounds.length; r++) {
      if (s.acc()) {
        java.util.Arrays.fill(c, 0f);
      }
      long t0 = cpuNanos();
      for (int i = 0; i < reps; i++) {
        route.run(s.kind(), c, a, b, s.m(), s.n(), s.k(), s.acc());
      }
      rounds[r] = (cpuNanos() - t0) / 1e9 / reps;
    }
    java.util.Arrays.sort(rounds);
    return new double[] {rounds[0], rounds[rounds.length / 2]};
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static long cpuNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static float[] fill(float[] x, Random rnd) {
    for (int i = 0; i < x.length; i++) {
      x[i] = rnd.nextFloat() * 2f - 1f;
    }
    return x;
  }

  private static Route route(String name) throws ReflectiveOperationException {
    switch (name) {
      case "gemm":
        return GemmBench::gemm;
      case "scalar":
        return scalar();
      case "netlib-java":
        return netlib(JavaBLAS.getInstance());
      case "netlib-native":
        try {
          return netlib(NativeBLAS.getInstance());
        } catch (RuntimeException | LinkageError e) {
          System.out.println("netlib-native: not available (" + e + ")");
          return null;
        }
      default:
        throw new IllegalArgumentException("unknown route " + name
            + "; expected gemm, scalar, netlib-java or netlib-native");
    }
  }

  private static void gemm(Kind kind, float[] c, float[] a, float[] b, int m, int n, int k,
                           boolean acc) {
    switch (kind) {
      case PLAIN -> Gemm.matmul(c, 0, a, 0, b, 0, m, n, k, acc);
      case TRANS_A -> Gemm.matmulTransA(c, 0, a, 0, b, 0, m, n, k, acc);
      case TRANS_B -> Gemm.matmulTransB(c, 0, a, 0, b, 0, m, n, k, acc);
    }
  }

  /** The package-private scalar fallback, reached through method handles. */
  private static Route scalar() throws ReflectiveOperationException {
    Class<?> cls = Class.forName("io.sparkmlp.kernel.ScalarGemm");
    MethodHandle[] h = new MethodHandle[3];
    String[] names = {"matmul", "matmulTransA", "matmulTransB"};
    for (int i = 0; i < 3; i++) {
      Method m = cls.getDeclaredMethod(names[i], float[].class, int.class, float[].class,
          int.class, float[].class, int.class, int.class, int.class, int.class, boolean.class);
      m.setAccessible(true);
      h[i] = MethodHandles.lookup().unreflect(m);
    }
    return (kind, c, a, b, m, n, k, acc) -> {
      try {
        h[kind.ordinal()].invokeExact(c, 0, a, 0, b, 0, m, n, k, acc);
      } catch (Throwable t) {
        throw new IllegalStateException(t);
      }
    };
  }

  /**
   * Row-major products through column-major sgemm: a row-major X(r,c) is the column-major Xᵀ
   * with leading dimension c, so C = op(A)·op(B) becomes Cᵀ = op(B)ᵀ·op(A)ᵀ.
   */
  private static Route netlib(BLAS blas) {
    System.out.println("netlib: " + blas.getClass().getName());
    return (kind, c, a, b, m, n, k, acc) -> {
      float beta = acc ? 1f : 0f;
      switch (kind) {
        case PLAIN -> blas.sgemm("N", "N", n, m, k, 1f, b, 0, n, a, 0, k, beta, c, 0, n);
        case TRANS_A -> blas.sgemm("N", "T", n, m, k, 1f, b, 0, n, a, 0, m, beta, c, 0, n);
        case TRANS_B -> blas.sgemm("T", "N", n, m, k, 1f, b, 0, k, a, 0, k, beta, c, 0, n);
      }
    };
  }
}
