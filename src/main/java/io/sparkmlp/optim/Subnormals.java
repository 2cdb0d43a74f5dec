package io.sparkmlp.optim;

/**
 * Sets the subnormal values of an optimizer's state to zero, one slice of every slot per step.
 *
 * <p>Why: a moment whose gradient stays exactly zero (the weights of a pixel that is blank in
 * every image of a batch, or of a unit ReLU keeps dead) decays geometrically into the subnormal
 * range and stays there: once m is a few multiples of {@link Float#MIN_VALUE},
 * {@code m + (0 − m)·0.1} rounds back to m. On Intel cores every arithmetic operation with a
 * subnormal operand takes a microcode assist, and Java cannot set the CPU's flush-to-zero mode.
 * Measured on one core of an AVX-512 Xeon: {@code scripts/example.sh fashion-mnist 8} took
 * 1.05-1.61 s per epoch after the first without this, 0.82-0.94 s with it (the same losses);
 * {@code benchmarks/train-throughput.sh 128 3000 0}, which repeats one batch, 3,103 µs per step
 * (1,712 with 300 steps) against 1,511. Such a value moves no weight larger than about 1e-26
 * (its update α·m/(√v + ε) is about 1e-34 at Adam's default rate, below such a weight's
 * rounding), so zero is as good, and zero stays zero.
 *
 * <p>Why a slice: C2 does not vectorize the compare-and-select, so a pass over every value
 * costs about as much as Adam's whole update; a sixteenth of it per step is cheap and still
 * reaches every value within 16 steps. The slice depends only on the step count, so a resumed
 * run and a run on any number of partitions zero the same values at the same steps.
 */
final class Subnormals {
  /** Steps over which every value of a slot is looked at once. */
  static final int SLICES = 16;

  private Subnormals() {}

  /** Zeroes the subnormal values of slice {@code t mod SLICES} of every slot in state. */
  static void flushSlice(OptimizerState state, long t) {
    int slice = (int) (t % SLICES);
    for (int s = 0; s < state.numSlots(); s++) {
      float[] slot = state.slot(s);
      int n = slot.length;
      int from = (int) ((long) n * slice / SLICES);
      int to = (int) ((long) n * (slice + 1) / SLICES);
      flush(slot, from, to);
    }
  }

  /** Zeroes the subnormal values of a[from, to); normal values, zeros, NaN and ∞ stay. */
  static void flush(float[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Math.abs(a[i]) < Float.MIN_NORMAL) {
        a[i] = 0f;
      }
    }
  }
}
