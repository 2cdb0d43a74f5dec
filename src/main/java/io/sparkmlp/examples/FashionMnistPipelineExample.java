package io.sparkmlp.examples;

import io.sparkmlp.ml.MLPClassificationModel;
import io.sparkmlp.ml.MLPClassificationTrainingSummary;
import io.sparkmlp.ml.MLPClassifier;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Fashion-MNIST through a Spark ML Pipeline: StandardScaler, then MLPClassifier
 * (784-256-128-10, ReLU, Adam, batch 256, up to 15 epochs, a 10% validation fraction with
 * early stopping), saved with PipelineModel's writer, loaded back and evaluated.
 * <pre>FashionMnistPipelineExample OUTPUT_DIR [epochs=15]</pre>
 * Uses the master spark-submit (or {@code -Dspark.master}) gives it, local[2] otherwise.
 */
public final class FashionMnistPipelineExample {
  private FashionMnistPipelineExample() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: FashionMnistPipelineExample OUTPUT_DIR [epochs]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    SparkSession.Builder builder = SparkSession.builder().appName("sparkmlp-pipeline-example");
    if (System.getProperty("spark.master") == null) {
      builder.master("local[2]");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      Dataset<Row>[] data = FashionMnistFrames.load(spark, FashionMnist.DEFAULT_DIR,
          out.resolveSibling(out.getFileName() + ".data"));
      MLPClassifier mlp = new MLPClassifier().setFeaturesCol("scaled")
          .setLayers(new int[] {784, 256, 128, 10}).setActivation("relu")
          .setOptimizer("adam").setLearningRate(1e-3).setBatchSize(256).setMaxEpochs(epochs)
          .setValidationFraction(0.1).setEarlyStoppingPatience(3).setSeed(7);
      Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
          new StandardScaler().setInputCol("features").setOutputCol("scaled"), mlp});

      long start = System.nanoTime();
      PipelineModel model = pipeline.fit(data[0]);
      double seconds = (System.nanoTime() - start) / 1e9;
      MLPClassificationTrainingSummary summary =
          ((MLPClassificationModel) model.stages()[1]).summary();
      double[] loss = summary.objectiveHistory();
      double[] valLoss = summary.validationLossHistory();
      for (int e = 0; e < loss.length; e++) {
        System.out.printf(Locale.ROOT, "epoch %2d  loss %.4f  val_loss %.4f%n", e + 1, loss[e],
            valLoss[e]);
      }
      System.out.printf(Locale.ROOT, "fit: %.1f s, %d epochs (%s)%n", seconds,
          summary.totalEpochs(), summary.stopReason());

      model.write().overwrite().save(out.toString());
      PipelineModel loaded = PipelineModel.load(out.toString());
      MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
          .setMetricName("accuracy");
      System.out.printf(Locale.ROOT, "test accuracy %.4f (saved to %s and loaded back)%n",
          accuracy.evaluate(loaded.transform(data[1])), out);
    } finally {
      spark.stop();
    }
  }
}
