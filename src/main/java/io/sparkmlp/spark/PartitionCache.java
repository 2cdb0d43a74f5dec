package io.sparkmlp.spark;

import io.sparkmlp.nn.Rows;
import io.sparkmlp.train.Shard;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Executor-side state of each partition across the steps of a run: its {@link Shard} (step
 * buffers sized once, a gradient buffer, the current epoch's order), so a step costs no buffer
 * allocation and no reshuffle. Keyed by run id and partition, least recently used entries go
 * first (an entry holds a gradient-sized buffer, so the cache stays small); a lost entry is
 * simply rebuilt: the state is derived, never primary. Callers hold the shard's lock while
 * they use it.
 */
final class PartitionCache {
  private static final int MAX_ENTRIES = 32;
  private static final Map<String, Shard> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shard> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  private PartitionCache() {}

  /** The shard of block's partition in this run. */
  static Shard get(TrainingSpec spec, Block block) {
    String key = spec.runId() + "/" + block.partition();
    synchronized (CACHE) {
      return CACHE.computeIfAbsent(key, k -> new Shard(spec.plan(),
          Rows.of(block.x(), block.y(), block.w(), block.rows()), block.partition()));
    }
  }

  /** Forgets a finished run's entries in this JVM (the driver's, in local mode). */
  static void forget(String runId) {
    synchronized (CACHE) {
      CACHE.keySet().removeIf(k -> k.startsWith(runId + "/"));
    }
  }
}
