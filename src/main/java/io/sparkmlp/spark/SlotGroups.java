package io.sparkmlp.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.Partition;
import org.apache.spark.rdd.PartitionCoalescer;
import org.apache.spark.rdd.PartitionGroup;
import org.apache.spark.rdd.RDD;
import org.apache.spark.scheduler.TaskLocation;
import scala.Option;

/**
 * Groups the partitions of cached blocks into about as many tasks as the cluster has task
 * slots, when there are more partitions than slots: every task costs the scheduler, and every
 * task result (a gradient-sized partial sum) costs its serialization and the driver's merge,
 * while P partitions on S slots run S at a time anyway. A group holds consecutive partitions
 * (in index order) cached on the same executor, and prefers that executor, so blocks are read
 * where they are; the executors' groups are in the order of their names. In local mode (one
 * executor) the groups are therefore fixed ranges of partitions, and the sum is the same in
 * every run.
 *
 * <p>Spark 3.5 refuses a coalescer that is not Serializable as Scala sees it
 * ({@link ScalaSerializable}).
 */
final class SlotGroups implements PartitionCoalescer, ScalaSerializable {
  private static final long serialVersionUID = 1L;

  @Override
  public PartitionGroup[] coalesce(int slots, RDD<?> parent) {
    Partition[] partitions = parent.partitions();
    Map<String, List<Partition>> byLocation = new TreeMap<>();
    for (Partition p : partitions) {
      // Where a cached partition is: SparkContext.getPreferredLocs, which asks the block
      // manager, is private to Spark (Scala's private[spark], public in the bytecode), as is
      // TaskLocation, and Spark has no public way to find a cached block's executor:
      // RDD.preferredLocations gives only where the input lies. Spark's own coalescer
      // (DefaultPartitionCoalescer) asks the same method.
      scala.collection.Seq<TaskLocation> locs = // immutable.Seq on Scala 2.13, not on 2.12
          parent.context().getPreferredLocs(parent, p.index());
      String where = locs.isEmpty() ? "" : locs.head().toString();
      byLocation.computeIfAbsent(where, k -> new ArrayList<>()).add(p);
    }
    List<PartitionGroup> groups = new ArrayList<>();
    for (Map.Entry<String, List<Partition>> e : byLocation.entrySet()) {
      List<Partition> here = e.getValue();
      int chunks = (int) Math.max(1, Math.round((double) here.size() * slots
          / partitions.length));
      Option<String> prefer = e.getKey().isEmpty() ? Option.empty() : Option.apply(e.getKey());
      for (int c = 0; c < chunks; c++) {
        PartitionGroup g = new PartitionGroup(prefer);
        for (int i = c * here.size() / chunks; i < (c + 1) * here.size() / chunks; i++) {
          g.partitions().$plus$eq(here.get(i)); // addOne is Scala 2.13 only
        }
        groups.add(g);
      }
    }
    return groups.toArray(new PartitionGroup[0]);
  }
}
