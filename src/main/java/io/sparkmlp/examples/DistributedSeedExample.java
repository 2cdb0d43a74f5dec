package io.sparkmlp.examples;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.DistributedTrainer;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.spark.source.MatrixSource;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The founding example's network (100-64-10, Adam) trained data-parallel on Spark, at global
 * batch 256 so each Spark job carries enough work. Uses the master spark-submit (or
 * {@code -Dspark.master}) gives it, local[2] otherwise.
 * <pre>DistributedSeedExample OUTPUT_DIR [partitions=2] [epochs=5] [rows=10000]</pre>
 * Prints the final training accuracy and writes the model to OUTPUT_DIR.
 */
public final class DistributedSeedExample {
  private DistributedSeedExample() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: DistributedSeedExample OUTPUT_DIR [partitions] [epochs] [rows]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int rows = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    SparkSession.Builder builder = SparkSession.builder().appName("sparkmlp-seed-example");
    if (System.getProperty("spark.master") == null) {
      builder.master("local[2]");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Matrix[] data = SeedData.generate(rows, 2024);
      Sequential model = new Sequential().seed(7)
          .add(new Dense(64, "relu").inputDim(SeedData.FEATURES))
          .add(new Dense(SeedData.CLASSES, "softmax"))
          .compile("categorical_crossentropy", "adam", "accuracy");
      TrainingBlocks train = TrainingBlocks.prepare(
          MatrixSource.blocks(jsc, data[0], data[1], partitions), model.network(), "seed data");
      DistributedTrainer trainer = new DistributedTrainer(jsc, model, DistributedOptions.of(
          FitOptions.builder().batchSize(256).epochs(epochs).seed(7).build()));
      History h = trainer.fit(train, null);
      System.out.printf(Locale.ROOT, "master %s, %d partitions: final training accuracy %.4f "
          + "(loss %.4f)%n", jsc.master(), train.numPartitions(),
          trainer.evaluate(train).get("accuracy"), h.last("loss"));
      model.save(out);
      System.out.println("saved the model to " + out);
    } finally {
      spark.stop();
    }
  }
}
