package io.sparkmlp.spark;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The Spark settings sparkmlp gives the sessions it starts itself (the CLI's, the benchmarks'),
 * unless the user set them: in the session's builder, as a system property ({@code --conf}
 * under spark-submit) or in spark-defaults.conf. A session that already exists (the ML stages'
 * callers, a notebook) keeps its own settings; the README says which of these to set there.
 *
 * <ul>
 *   <li>{@code spark.broadcast.compress=false}: every step ships the weights, random floats that
 *       LZ4 cannot shrink, in the job's task binary (a broadcast, see {@link Carried}); compressing
 *       them costs the driver and decompressing costs every executor, for nothing. On the
 *       two-worker standalone cluster, {@code benchmarks/spark-step.sh 0 2}: a step without
 *       compute of 35.0 ms with compression, 32.2 ms without (empty job 27.0 ms). Task
 *       binaries and the other broadcasts of a training run are a few KiB.</li>
 *   <li>{@code spark.task.maxDirectResultSize=16m} (Spark's default: 1 MiB): a task that covers
 *       several partitions (more partitions than task slots, see {@link PartialSums}) sends back
 *       their sum in double, 1.9 MB for 235k weights; over the limit, Spark stores it as a block
 *       on the executor and the driver fetches it in extra round trips, instead of receiving it
 *       with the task's status. {@code local[2]}, P = 8: a step of 38.5 ms without the setting,
 *       32.5 ms with it: 1.44× and 1.06× the step at P = 2 (README, Sizing partitions).</li>
 * </ul>
 */
public final class SessionDefaults {
  /** Setting name to value. */
  public static final Map<String, String> SETTINGS = Map.of(
      "spark.broadcast.compress", "false",
      "spark.task.maxDirectResultSize", "16m");

  private SessionDefaults() {}

  /** The settings for which isSet (the user's own settings) is false. */
  public static Map<String, String> unset(Predicate<String> isSet) {
    Map<String, String> unset = new TreeMap<>();
    SETTINGS.forEach((k, v) -> {
      if (!isSet.test(k)) {
        unset.put(k, v);
      }
    });
    return unset;
  }
}
