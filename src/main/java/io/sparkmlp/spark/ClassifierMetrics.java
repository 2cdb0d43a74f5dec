package io.sparkmlp.spark;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.ClassifierRows;
import io.sparkmlp.nn.ConfusionMatrix;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.RocAuc;
import io.sparkmlp.train.Evaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * A classifier's confusion matrix and, for two classes, its exact ROC AUC, computed on the
 * executors from labelled blocks (rows counted, sample weights not applied):
 *
 * <ul>
 *   <li>Confusion: each partition counts its (true, predicted) pairs; the k·k counts are summed
 *       with a tree reduce. One job; the driver holds k·k longs.
 *   <li>ROC AUC: each partition groups its rows' positive-class scores by distinct value
 *       (positives, negatives per score, combined map-side), a shuffle sends each group to the
 *       partition of its score range ([0,1] cut into equal ranges, which keeps the partitions in
 *       score order without a sampling job), each partition sorts its groups and sweeps them
 *       ({@link RocAuc.Sweep}), and the driver adds the partitions' sums, each shifted by the
 *       negatives of the partitions below it. Exact with ties (Mann-Whitney), no histogram;
 *       executor memory grows with the distinct scores in one range, the driver's with the
 *       partition count only.
 * </ul>
 * The forward pass runs once per job: persist the blocks when they are expensive to read.
 */
public final class ClassifierMetrics {
  private ClassifierMetrics() {}

  /** The confusion matrix and the ROC AUC (null unless binary; NaN without both classes). */
  public record Result(ConfusionMatrix confusion, Double rocAuc) {}

  /** Both measures for a single-label classifier ({@link ClassifierRows#applies}). */
  public static Result compute(JavaSparkContext jsc, Sequential model, JavaRDD<Block> blocks) {
    Network net = model.network();
    ClassifierRows rows = ClassifierRows.of(net);
    Broadcast<RawFloats> params = jsc.broadcast(RawFloats.of(model.params()));
    try {
      jsc.setJobDescription("evaluate: confusion matrix");
      ConfusionMatrix confusion = confusion(blocks, net, params);
      Double auc = null;
      if (rows.binary()) {
        jsc.setJobDescription("evaluate: ROC AUC");
        auc = rocAuc(blocks, net, params, Math.max(1, blocks.getNumPartitions()));
      }
      return new Result(confusion, auc);
    } finally {
      jsc.setJobDescription(null);
      params.destroy();
    }
  }

  private static ConfusionMatrix confusion(JavaRDD<Block> blocks, Network net,
                                           Broadcast<RawFloats> params) {
    int k = ClassifierRows.of(net).classes();
    long[] counts = TaskErrors.rethrowBadInput(() -> blocks.mapPartitions(it -> {
      ClassifierRows rows = ClassifierRows.of(net);
      long[] c = new long[k * k];
      while (it.hasNext()) {
        Block b = it.next();
        float[] a = outputs(b, net, params.value().values());
        for (int r = 0; r < b.rows(); r++) {
          c[rows.actual(b.y(), r) * k + rows.predicted(a, r)]++;
        }
      }
      return List.of(c).iterator();
    }).treeReduce(ClassifierMetrics::add));
    long[][] square = new long[k][k];
    for (int a = 0; a < k; a++) {
      System.arraycopy(counts, a * k, square[a], 0, k);
    }
    return ConfusionMatrix.of(square);
  }

  private static long[] add(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }

  private static double rocAuc(JavaRDD<Block> blocks, Network net, Broadcast<RawFloats> params,
                               int ranges) {
    JavaPairRDD<Float, long[]> groups = blocks.mapPartitionsToPair(it -> {
      ClassifierRows rows = ClassifierRows.of(net);
      Map<Float, long[]> local = new HashMap<>();
      while (it.hasNext()) {
        Block b = it.next();
        float[] a = outputs(b, net, params.value().values());
        for (int r = 0; r < b.rows(); r++) {
          // + 0f folds -0 into 0: equal scores, one group.
          long[] g = local.computeIfAbsent(rows.positiveScore(a, r) + 0f, s -> new long[2]);
          g[rows.actual(b.y(), r) == 1 ? 0 : 1]++;
        }
      }
      List<Tuple2<Float, long[]>> out = new ArrayList<>(local.size());
      local.forEach((s, g) -> out.add(new Tuple2<>(s, g)));
      return out.iterator();
    }).reduceByKey(new ScoreRanges(ranges), ClassifierMetrics::add);
    List<double[]> parts = TaskErrors.rethrowBadInput(() -> groups.mapPartitions(
        ClassifierMetrics::sweep).collect());
    double pairs = 0;
    long positives = 0;
    long negatives = 0;
    for (double[] p : parts) {  // in partition order: ascending score ranges
      pairs += p[0] + p[1] * negatives;
      positives += (long) p[1];
      negatives += (long) p[2];
    }
    return RocAuc.auc(pairs, positives, negatives);
  }

  /** One partition's {pairs from 0 negatives below, positives, negatives}. */
  private static Iterator<double[]> sweep(Iterator<Tuple2<Float, long[]>> it) {
    List<Tuple2<Float, long[]>> groups = new ArrayList<>();
    it.forEachRemaining(groups::add);
    groups.sort((x, y) -> Float.compare(x._1(), y._1()));
    RocAuc.Sweep sweep = new RocAuc.Sweep(0);
    for (Tuple2<Float, long[]> g : groups) {
      sweep.add(g._2()[0], g._2()[1]);
    }
    return List.of(new double[] {sweep.pairs(), sweep.positives(), sweep.negatives()})
        .iterator();
  }

  private static float[] outputs(Block b, Network net, float[] params) {
    if (b.rows() == 0) {
      return new float[0];
    }
    return new Evaluator(net, List.<Metric>of(), Math.min(SparkSource.EVAL_CHUNK_ROWS, b.rows()))
        .predict(new Matrix(b.x(), b.rows(), b.xCols()), params).values();
  }

  /**
   * Sends a score to the partition of its range: [0,1] in equal parts, below 0 to the first,
   * above 1 and NaN to the last, so partition order is {@link Float#compare} order.
   */
  static final class ScoreRanges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int ranges;

    ScoreRanges(int ranges) {
      this.ranges = ranges;
    }

    @Override
    public int numPartitions() {
      return ranges;
    }

    @Override
    public int getPartition(Object key) {
      float s = (Float) key;
      if (Float.isNaN(s)) {
        return ranges - 1;
      }
      return (int) Math.min(ranges - 1, Math.max(0, Math.floor(s * (double) ranges)));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ScoreRanges r && r.ranges == ranges;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(new int[] {ranges});
    }
  }
}
