package io.sparkmlp.spark;

import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.BlockId;
import org.apache.spark.storage.BroadcastBlockId;

/** Counts the broadcast blocks the driver's block manager still holds. */
final class BroadcastCount {
  private BroadcastCount() {}

  static int live(JavaSparkContext jsc) {
    return SparkEnv.get().blockManager()
        .getMatchingBlockIds((BlockId id) -> id.isBroadcast()).size();
  }

  /** The blocks (value and pieces) of one broadcast that the driver's block manager holds. */
  static int live(long broadcastId) {
    return SparkEnv.get().blockManager().getMatchingBlockIds((BlockId id) ->
        id instanceof BroadcastBlockId b && b.broadcastId() == broadcastId).size();
  }
}
