package io.sparkmlp.util;

import java.util.SplittableRandom;

/**
 * Derived seeds. Every random stream in sparkmlp comes from {@code mix(seed, a, b, ...)} so
 * that the same user seed gives the same numbers whatever thread, partition or run asks.
 */
public final class Seeds {
  private Seeds() {}

  /** SplitMix64 finaliser: a bijective scramble of 64 bits. */
  public static long scramble(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A seed derived from a base seed and any number of coordinates (epoch, partition, ...). */
  public static long mix(long seed, long... coordinates) {
    long h = scramble(seed + 0x9e3779b97f4a7c15L);
    for (long c : coordinates) {
      h = scramble(h ^ (c + 0x9e3779b97f4a7c15L));
    }
    return h;
  }

  /** Fisher-Yates permutation of 0..n-1 drawn from the given seed. */
  public static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
