package io.sparkmlp.spark;

import io.sparkmlp.model.MinibatchPlan;
import io.sparkmlp.model.StepWorker;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Executor-side state of a partition across the steps of a run: its {@link StepWorker}
 * (buffers sized once), a float gradient buffer, and the current epoch's permutation, so a step
 * costs no allocation and no reshuffle. Keyed by run id and partition, least recently used
 * entries go first (an entry holds a gradient-sized buffer, so the cache stays small); a lost
 * entry is simply rebuilt: the state is derived, never primary.
 */
final class PartitionCache {
  private static final int MAX_ENTRIES = 32;
  private static final Map<String, PartitionState> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartitionState> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private PartitionCache() {}

  /** The state of block's partition in this run, with the permutation of the given epoch. */
  static PartitionState get(TrainingSpec spec, Block block, int epoch) {
    String key = spec.runId() + "/" + block.partition();
    PartitionState st;
    synchronized (CACHE) {
      st = CACHE.computeIfAbsent(key, k -> new PartitionState(spec, block));
    }
    st.prepareEpoch(spec, block, epoch);
    return st;
  }

  /** Forgets a finished run's entries in this JVM (the driver's, in local mode). */
  static void forget(String runId) {
    synchronized (CACHE) {
      CACHE.keySet().removeIf(k -> k.startsWith(runId + "/"));
    }
  }

  static final class PartitionState {
    final StepWorker worker;
    final float[] grad;
    private int epoch = -1;
    private int[] order;

    PartitionState(TrainingSpec spec, Block block) {
      this.worker = new StepWorker(spec.network(), spec.metrics(), block.xCols(), block.yCols(),
          spec.maxSlice());
      this.grad = new float[spec.network().numParams()];
    }

    synchronized void prepareEpoch(TrainingSpec spec, Block block, int e) {
      if (e != epoch) {
        order = spec.shuffle()
            ? MinibatchPlan.permutation(block.rows(), spec.seed(), e, block.partition()) : null;
        epoch = e;
      }
    }

    int[] order() {
      return order;
    }
  }
}
