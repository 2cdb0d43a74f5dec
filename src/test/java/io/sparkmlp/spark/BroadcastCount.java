package io.sparkmlp.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.BlockId;

/** Counts the broadcast blocks the driver's block manager still holds. */
final class BroadcastCount {
  private BroadcastCount() {}

  static int live(JavaSparkContext jsc) {
    return SparkEnv.get().blockManager()
        .getMatchingBlockIds((BlockId id) -> id.isBroadcast()).size();
  }
}
