package io.sparkmlp.spark;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.ClassifierRows;
import io.sparkmlp.nn.ConfusionMatrix;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.PrAuc;
import io.sparkmlp.nn.RocAuc;
import io.sparkmlp.train.Evaluator;
import io.sparkmlp.util.Checks;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * A classifier's confusion matrix and, for two classes, its exact ROC and precision-recall
 * areas, computed on the executors into sparkmlp's one implementation of these measures
 * ({@link ConfusionMatrix}, {@link RocAuc}, {@link PrAuc}), from labelled blocks and a model
 * (the CLI's evaluate: rows counted) or from scored rows of a DataFrame (the ML summary: rows
 * weighted):
 *
 * <ul>
 *   <li>Confusion: each partition sums its rows into a {@link ConfusionMatrix}; the k·k
 *       matrices are merged with a tree reduce. One job; the driver holds k·k doubles.
 *   <li>Areas: each partition groups its rows' positive-class scores by distinct value
 *       (positive and negative weight per score, combined map-side), a shuffle sends each group
 *       to the partition of its score range ([0,1] cut into equal ranges, which keeps the
 *       partitions in score order without a sampling job), and each partition sorts its groups
 *       and sweeps them. ROC alone ({@link RocAuc.Sweep}) takes one job: the driver adds the
 *       partitions' sums, each shifted by the negatives of the partitions below it. The PR
 *       curve is not linear in those offsets, so with it a first job sums each partition's
 *       weights and a second sweeps every partition from the weights of those around it
 *       ({@link PrAuc.Sweep}; the shuffle's output is reused). Exact with ties, no histogram;
 *       executor memory grows with the distinct scores in one range, the driver's with the
 *       partition count only.
 * </ul>
 * With a model, the forward pass runs once per job: persist the blocks when they are expensive
 * to read.
 */
public final class ClassifierMetrics {
  private ClassifierMetrics() {}

  /** The confusion matrix and the ROC AUC (null unless binary; NaN without both classes). */
  public record Result(ConfusionMatrix confusion, Double rocAuc) {}

  /**
   * The areas under the ROC curve ({@link RocAuc#curveArea}: 0 or 1 with one class) and the
   * precision-recall curve ({@link PrAuc}: NaN without rows).
   */
  public record Areas(double roc, double pr) implements java.io.Serializable {}

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

  /**
   * The weighted confusion matrix of rows whose columns are, in this order, the true class,
   * the predicted class (class indices 0..classes-1) and the row's weight (finite, >= 0), all
   * doubles.
   */
  public static ConfusionMatrix confusion(Dataset<Row> rows, int classes) {
    return sum(rows.toJavaRDD().mapPartitions(it -> {
      ConfusionMatrix m = new ConfusionMatrix(classes);
      while (it.hasNext()) {
        Row r = it.next();
        m.add(classIndex(r, 0, classes, "class"), classIndex(r, 1, classes, "predicted class"),
            r.getDouble(2));
      }
      return List.of(m).iterator();
    }));
  }

  /**
   * The ROC and PR areas of rows whose columns are, in this order, the score of class 1, the
   * true class (0 or 1) and the row's weight (finite, >= 0), all doubles.
   */
  public static Areas areas(Dataset<Row> rows) {
    JavaRDD<Row> rdd = rows.toJavaRDD();
    JavaPairRDD<Double, double[]> groups = rdd.mapPartitionsToPair(it -> {
      Map<Double, double[]> local = new HashMap<>();
      while (it.hasNext()) {
        Row r = it.next();
        double w = r.getDouble(2);
        Checks.argument(w >= 0 && w < Double.POSITIVE_INFINITY,
            "a row's weight must be finite and >= 0, got %s", w);
        addToGroup(local, r.getDouble(0), classIndex(r, 1, 2, "class") == 1, w);
      }
      return pairs(local);
    }).reduceByKey(new ScoreRanges(Math.max(1, rdd.getNumPartitions())), ClassifierMetrics::add);
    // Job 1: each partition's {positives, negatives, groups}, in ascending score ranges.
    List<double[]> totals = TaskErrors.rethrowBadInput(() -> groups.mapPartitions(it -> {
      double[] t = new double[3];
      it.forEachRemaining(g -> {
        t[0] += g._2()[0];
        t[1] += g._2()[1];
        t[2]++;
      });
      return List.of(t).iterator();
    }).collect());
    int n = totals.size();
    double[] negativesBelow = new double[n];
    double[] positivesAbove = new double[n];
    double[] negativesAbove = new double[n];
    double[] groupsAbove = new double[n];
    for (int i = 1; i < n; i++) {
      negativesBelow[i] = negativesBelow[i - 1] + totals.get(i - 1)[1];
    }
    for (int i = n - 2; i >= 0; i--) {
      positivesAbove[i] = positivesAbove[i + 1] + totals.get(i + 1)[0];
      negativesAbove[i] = negativesAbove[i + 1] + totals.get(i + 1)[1];
      groupsAbove[i] = groupsAbove[i + 1] + totals.get(i + 1)[2];
    }
    double positives = n == 0 ? 0 : positivesAbove[0] + totals.get(0)[0];
    double negatives = n == 0 ? 0 : negativesBelow[n - 1] + totals.get(n - 1)[1];
    // Job 2 (the shuffle's output reused): each partition's {ROC pairs, PR area}, swept from
    // the weights below and above it.
    List<double[]> parts = groups.mapPartitionsWithIndex((i, it) -> {
      List<Tuple2<Double, double[]>> sorted = sorted(it);
      RocAuc.Sweep roc = new RocAuc.Sweep(negativesBelow[i]);
      for (Tuple2<Double, double[]> g : sorted) {
        roc.add(g._2()[0], g._2()[1]);
      }
      PrAuc.Sweep pr = groupsAbove[i] == 0 ? new PrAuc.Sweep(positives)
          : PrAuc.Sweep.below(positives, positivesAbove[i], negativesAbove[i]);
      for (int j = sorted.size() - 1; j >= 0; j--) {
        pr.add(sorted.get(j)._2()[0], sorted.get(j)._2()[1]);
      }
      return List.of(new double[] {roc.pairs(), pr.area()}).iterator();
    }, false).collect();
    double pairs = 0;
    double prArea = 0;
    for (double[] p : parts) {
      pairs += p[0];
      prArea += p[1];
    }
    boolean empty = n == 0 || groupsAbove[0] + totals.get(0)[2] == 0;
    return new Areas(RocAuc.curveArea(pairs, positives, negatives),
        empty ? Double.NaN : prArea);
  }

  /** Column c of r, a row's (true or predicted) class, as a class index 0..classes-1. */
  private static int classIndex(Row r, int c, int classes, String what) {
    double v = r.getDouble(c);
    Checks.argument(v >= 0 && v < classes && v == Math.rint(v), "a row's %s %s is not a class "
        + "index 0..%s", what, v, classes - 1);
    return (int) v;
  }

  private static ConfusionMatrix confusion(JavaRDD<Block> blocks, Network net,
                                           Broadcast<RawFloats> params) {
    int k = ClassifierRows.of(net).classes();
    return sum(blocks.mapPartitions(it -> {
      ClassifierRows rows = ClassifierRows.of(net);
      ConfusionMatrix m = new ConfusionMatrix(k);
      while (it.hasNext()) {
        Block b = it.next();
        float[] a = outputs(b, net, params.value().values());
        for (int r = 0; r < b.rows(); r++) {
          m.add(rows.actual(b.y(), r), rows.predicted(a, r));
        }
      }
      return List.of(m).iterator();
    }));
  }

  private static ConfusionMatrix sum(JavaRDD<ConfusionMatrix> partitions) {
    return TaskErrors.rethrowBadInput(() -> partitions.treeReduce(ConfusionMatrix::merge));
  }

  private static double[] add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }

  /** Adds a row to its score's group {positive weight, negative weight}. */
  private static void addToGroup(Map<Double, double[]> groups, double score, boolean positive,
                                 double weight) {
    // + 0.0 folds -0 into 0: equal scores, one group.
    groups.computeIfAbsent(score + 0.0, s -> new double[2])[positive ? 0 : 1] += weight;
  }

  private static Iterator<Tuple2<Double, double[]>> pairs(Map<Double, double[]> groups) {
    List<Tuple2<Double, double[]>> out = new ArrayList<>(groups.size());
    groups.forEach((s, g) -> out.add(new Tuple2<>(s, g)));
    return out.iterator();
  }

  private static List<Tuple2<Double, double[]>> sorted(Iterator<Tuple2<Double, double[]>> it) {
    List<Tuple2<Double, double[]>> groups = new ArrayList<>();
    it.forEachRemaining(groups::add);
    groups.sort((x, y) -> Double.compare(x._1(), y._1()));
    return groups;
  }

  private static double rocAuc(JavaRDD<Block> blocks, Network net, Broadcast<RawFloats> params,
                               int ranges) {
    JavaPairRDD<Double, double[]> groups = blocks.mapPartitionsToPair(it -> {
      ClassifierRows rows = ClassifierRows.of(net);
      Map<Double, double[]> local = new HashMap<>();
      while (it.hasNext()) {
        Block b = it.next();
        float[] a = outputs(b, net, params.value().values());
        for (int r = 0; r < b.rows(); r++) {
          addToGroup(local, rows.positiveScore(a, r), rows.actual(b.y(), r) == 1, 1);
        }
      }
      return pairs(local);
    }).reduceByKey(new ScoreRanges(ranges), ClassifierMetrics::add);
    List<double[]> parts = TaskErrors.rethrowBadInput(() -> groups.mapPartitions(it -> {
      RocAuc.Sweep sweep = new RocAuc.Sweep(0);
      for (Tuple2<Double, double[]> g : sorted(it)) {
        sweep.add(g._2()[0], g._2()[1]);
      }
      return List.of(new double[] {sweep.pairs(), sweep.positives(), sweep.negatives()})
          .iterator();
    }).collect());
    double pairs = 0;
    double positives = 0;
    double negatives = 0;
    for (double[] p : parts) {  // in partition order: ascending score ranges
      pairs += p[0] + p[1] * negatives;
      positives += p[1];
      negatives += p[2];
    }
    return RocAuc.auc(pairs, positives, negatives);
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
   * above 1 and NaN to the last, so partition order is {@link Double#compare} order.
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
      double s = (Double) key;
      if (Double.isNaN(s)) {
        return ranges - 1;
      }
      return (int) Math.min(ranges - 1, Math.max(0, Math.floor(s * ranges)));
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
