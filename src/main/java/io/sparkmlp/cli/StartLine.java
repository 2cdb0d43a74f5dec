package io.sparkmlp.cli;

import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.source.BlockSplit;
import io.sparkmlp.train.MinibatchPlan;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;

/**
 * The line a reader of a training log needs first, logged before the first step: where the
 * run executes (master, application id, Spark UI) and how big an epoch is (rows, partitions,
 * steps), e.g. {@code training on local[2], application local-1764441600000, Spark UI
 * http://127.0.0.1:4040: 600 rows in 2 partitions, 480 for training (validation_split 0.2),
 * batch size 200, 3 steps per epoch, 2 epochs}.
 */
public final class StartLine {
  private StartLine() {}

  /**
   * The columns and rows of each partition's block, {@code {xCols, rows}} in partition order:
   * one small job, which also reads and caches the blocks.
   */
  public static List<int[]> shapes(JavaRDD<Block> blocks) {
    return blocks.map(b -> new int[] {b.xCols(), b.rows()}).collect();
  }

  /**
   * @param shapes from {@link #shapes}, of the training data before any validation split
   * @param validationSplit the fraction of each partition held out, used only without
   *     separate validation data (as the trainer does)
   */
  public static String of(SparkContext sc, List<int[]> shapes, boolean separateValidation,
                   double validationSplit, int batchSize, int epochs) {
    return of(sc, shapes, separateValidation, validationSplit, batchSize, epochs, false);
  }

  /**
   * As above; with fullBatch (L-BFGS) an epoch is one iteration over all rows, so the line
   * names iterations instead of the batch size and steps.
   */
  public static String of(SparkContext sc, List<int[]> shapes, boolean separateValidation,
                   double validationSplit, int batchSize, int epochs, boolean fullBatch) {
    boolean split = !separateValidation && validationSplit > 0;
    long rows = 0;
    long trainRows = 0;
    for (int[] s : shapes) {
      rows += s[1];
      trainRows += split ? BlockSplit.trainRows(s[1], validationSplit) : s[1];
    }
    String ui = sc.uiWebUrl().isDefined() ? sc.uiWebUrl().get() : "disabled";
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "training on %s, application %s, Spark UI %s: %s in %s", sc.master(),
        sc.applicationId(), ui, count(rows, "row"), count(shapes.size(), "partition")));
    if (split) {
      sb.append(String.format(Locale.ROOT, ", %,d for training (validation_split %s)",
          trainRows, validationSplit));
    }
    if (fullBatch) {
      return sb.append(", full-batch L-BFGS, at most ").append(count(epochs, "iteration"))
          .toString();
    }
    sb.append(String.format(Locale.ROOT, ", batch size %,d, ", batchSize));
    sb.append(trainRows > 0
        ? count(MinibatchPlan.stepsPerEpoch(trainRows, batchSize), "step") + " per epoch"
        : "no training rows");
    return sb.append(", ").append(count(epochs, "epoch")).toString();
  }

  /** {@code 1 row}, {@code 1,024 rows}. */
  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
  }
}
