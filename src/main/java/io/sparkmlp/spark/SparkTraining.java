package io.sparkmlp.spark;

import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.source.BlockSplit;
import io.sparkmlp.spark.source.DataFrameSource;
import io.sparkmlp.spark.source.IdxSource;
import io.sparkmlp.spark.source.LabeledSample;
import io.sparkmlp.spark.source.MatrixSource;
import io.sparkmlp.spark.source.NpySource;
import io.sparkmlp.spark.source.RddSource;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The one-call way to train a compiled {@link Sequential} on Spark data:
 * <pre>{@code
 * History h = SparkTraining.fit(model, spark.read().parquet("train.parquet"),
 *     DistributedOptions.builder().featuresCol("features").labelCol("label")
 *         .batchSize(512).epochs(10).validationSplit(0.1).seed(7).build());
 * }</pre>
 * It converts the input to cached blocks, holds out the validation split, checks the data
 * against the model, trains with {@link DistributedTrainer}, and releases the cache.
 */
public final class SparkTraining {
  private SparkTraining() {}

  /**
   * Trains on a DataFrame with the options' features and label columns, and its weight column
   * when set (the validation split then reports weighted means too).
   */
  public static History fit(Sequential model, Dataset<Row> train, DistributedOptions options) {
    return fit(model, jsc(train), blocks(train, options), null, options);
  }

  /**
   * Trains on a DataFrame, validating every epoch on another; with a weight column, both must
   * have it.
   */
  public static History fit(Sequential model, Dataset<Row> train, Dataset<Row> validation,
                            DistributedOptions options) {
    return fit(model, jsc(train), blocks(train, options), blocks(validation, options), options);
  }

  /** Trains on an RDD of samples. */
  public static History fit(Sequential model, JavaRDD<LabeledSample> train,
                            DistributedOptions options) {
    return fit(model, JavaSparkContext.fromSparkContext(train.context()),
        RddSource.blocks(train, options.numPartitions()), null, options);
  }

  /**
   * Trains on blocks from any source (NpySource, IdxSource, MatrixSource, ...), validating on
   * {@code validation} blocks when given, else on the options' validationSplit if set.
   */
  public static History fit(Sequential model, JavaSparkContext jsc, JavaRDD<Block> train,
                            JavaRDD<Block> validation, DistributedOptions options) {
    JavaRDD<Block> source = train;
    double split = options.fit().validationSplit();
    if (validation == null && split > 0) {
      // Read the source once for both parts; the parts are cached by prepare().
      source = train.persist(StorageLevel.MEMORY_AND_DISK());
      BlockSplit.Parts parts = BlockSplit.tail(source, split);
      train = parts.train();
      validation = parts.validation();
    }
    TrainingBlocks trainBlocks = TrainingBlocks.prepare(train, model.network(), "training data");
    TrainingBlocks valBlocks = validation == null ? null
        : TrainingBlocks.prepare(validation, model.network(), "validation data");
    if (source != train) {
      source.unpersist(false);
    }
    try {
      return new DistributedTrainer(jsc, model, options).fit(trainBlocks, valBlocks);
    } finally {
      trainBlocks.release();
      if (valBlocks != null) {
        valBlocks.release();
      }
    }
  }

  /**
   * Mean loss and metrics of the model on a DataFrame, computed on the cluster: weighted means
   * when the options name a weight column.
   */
  public static Map<String, Double> evaluate(Sequential model, Dataset<Row> data,
                                             DistributedOptions options) {
    return evaluate(model, jsc(data), blocks(data, options), options);
  }

  /** Mean loss and metrics of the model on blocks from any source. */
  public static Map<String, Double> evaluate(Sequential model, JavaSparkContext jsc,
                                             JavaRDD<Block> data, DistributedOptions options) {
    TrainingBlocks blocks = TrainingBlocks.prepare(data, model.network(), "evaluation data");
    try {
      return new DistributedTrainer(jsc, model, options).evaluate(blocks);
    } finally {
      blocks.release();
    }
  }

  private static JavaRDD<Block> blocks(Dataset<Row> df, DistributedOptions options) {
    return DataFrameSource.blocks(df, options.featuresCol(), options.labelCol(),
        options.weightCol(), options.numPartitions());
  }

  private static JavaSparkContext jsc(Dataset<Row> df) {
    return JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
  }
}
