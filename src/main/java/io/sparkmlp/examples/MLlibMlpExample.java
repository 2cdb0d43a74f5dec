package io.sparkmlp.examples;

import io.sparkmlp.ml.MLPClassificationModel;
import io.sparkmlp.ml.MLPClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark's own JavaMultilayerPerceptronClassifierExample, rewritten for sparkmlp: the same
 * LIBSVM input, 60/40 split with seed 1234, layers {4, 5, 4, 3} and accuracy on the test
 * part; MLPClassifier in place of MultilayerPerceptronClassifier (ReLU and Adam rather than
 * sigmoid and L-BFGS, minibatches of 16, 100 epochs).
 * <pre>MLlibMlpExample [data.libsvm]</pre>
 * Without an argument it reads Spark's data/mllib/sample_multiclass_classification_data.txt
 * when run from a Spark checkout, else writes a stand-in of the same shape (150 rows, 4
 * features, 3 classes) to a temporary file.
 */
public final class MLlibMlpExample {
  private MLlibMlpExample() {}

  public static void main(String[] args) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("JavaMultilayerPerceptronClassifierExample");
    if (System.getProperty("spark.master") == null) {
      builder.master("local[2]");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      String path = args.length > 0 ? args[0] : defaultData();
      // Load training data
      Dataset<Row> dataFrame = spark.read().format("libsvm").load(path);

      // Split the data into train and test
      Dataset<Row>[] splits = dataFrame.randomSplit(new double[] {0.6, 0.4}, 1234L);
      Dataset<Row> train = splits[0];
      Dataset<Row> test = splits[1];

      // specify layers for the neural network:
      // input layer of size 4 (features), two intermediate of size 5 and 4
      // and output of size 3 (classes)
      int[] layers = new int[] {4, 5, 4, 3};

      // create the trainer and set its parameters
      MLPClassifier trainer = new MLPClassifier()
          .setLayers(layers)
          .setBatchSize(16)
          .setLearningRate(0.01)
          .setSeed(1234L)
          .setMaxEpochs(100);

      // train the model
      MLPClassificationModel model = trainer.fit(train);

      // compute accuracy on the test set
      Dataset<Row> result = model.transform(test);
      Dataset<Row> predictionAndLabels = result.select("prediction", "label");
      MulticlassClassificationEvaluator evaluator = new MulticlassClassificationEvaluator()
          .setMetricName("accuracy");

      System.out.println("Test set accuracy = " + evaluator.evaluate(predictionAndLabels));
      double[] loss = model.summary().objectiveHistory();
      System.out.printf(Locale.ROOT, "Training loss: %.4f after epoch 1, %.4f after epoch %d%n",
          loss[0], loss[loss.length - 1], loss.length);
    } finally {
      spark.stop();
    }
  }

  private static String defaultData() {
    Path spark = Path.of("data/mllib/sample_multiclass_classification_data.txt");
    if (Files.exists(spark)) {
      return spark.toString();
    }
    try {
      Path file = Files.createTempFile("multiclass-", ".libsvm");
      file.toFile().deleteOnExit();
      Files.writeString(file, standIn());
      System.out.println("No data file given: using a generated stand-in, " + file);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 150 rows in 3 classes of 50, 4 features in [-1, 1], in LIBSVM format. */
  private static String standIn() {
    SplittableRandom rng = new SplittableRandom(1234);
    double[][] centres = {{-0.6, 0.4, -0.8, -0.8}, {0.1, -0.3, 0.2, 0.1},
        {0.5, -0.1, 0.7, 0.8}};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      int label = i % 3;
      sb.append(label);
      for (int j = 0; j < 4; j++) {
        double noise = 0.5 * (2 * rng.nextDouble() - 1);
        double v = Math.max(-1, Math.min(1, centres[label][j] + noise));
        sb.append(String.format(Locale.ROOT, " %d:%.6f", j + 1, v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
