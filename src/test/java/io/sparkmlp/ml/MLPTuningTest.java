package io.sparkmlp.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import scala.collection.immutable.List$;

/**
 * Spark's tuning stages drive MLPClassifier like any estimator. On two rings, which no line
 * separates, a hidden layer with a usable learning rate must win a 2×2 grid over a network
 * without one and over a learning rate too small to train in the epochs given.
 */
class MLPTuningTest {
  private static final int[] LINEAR = {2, 2};
  private static final int[] HIDDEN = {2, 16, 2};

  private static Pipeline pipeline(MLPClassifier mlp) {
    return new Pipeline().setStages(new PipelineStage[] {
        new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features"),
        mlp});
  }

  private static ParamMap[] grid(MLPClassifier mlp) {
    // ParamGridBuilder takes a Scala Iterable for params of array values: a List built with
    // :: as Scala 2.12 and 2.13 both can.
    return new ParamGridBuilder()
        .addGrid(mlp.layers(), List$.MODULE$.<int[]>empty().$colon$colon(HIDDEN)
            .$colon$colon(LINEAR))
        .addGrid(mlp.learningRate(), new double[] {1e-4, 0.05}).build();
  }

  private static MLPClassifier classifier() {
    return new MLPClassifier().setActivation("tanh").setBatchSize(64).setMaxEpochs(20)
        .setSeed(3);
  }

  @Test
  void crossValidatorPicksTheHiddenLayerAndTheUsableLearningRate() {
    Dataset<Row> data = MlTestData.rings(240, 7);
    MLPClassifier mlp = classifier();
    MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
        .setMetricName("accuracy");
    CrossValidatorModel cv = new CrossValidator().setEstimator(pipeline(mlp))
        .setEstimatorParamMaps(grid(mlp)).setEvaluator(accuracy).setNumFolds(2)
        .setParallelism(2).setSeed(1).fit(data);
    MLPClassificationModel best =
        (MLPClassificationModel) ((PipelineModel) cv.bestModel()).stages()[1];
    assertArrayEquals(HIDDEN, best.getLayers());
    assertEquals(0.05, best.getLearningRate());
    double[] metrics = cv.avgMetrics();
    double top = Arrays.stream(metrics).max().orElseThrow();
    assertTrue(top > 0.9, () -> "best accuracy " + Arrays.toString(metrics));
    assertTrue(accuracy.evaluate(cv.transform(data)) > 0.9);
  }

  @Test
  void trainValidationSplitWorksToo() {
    Dataset<Row> data = MlTestData.rings(200, 8);
    MLPClassifier mlp = classifier().setLayers(HIDDEN);
    TrainValidationSplitModel tvs = new TrainValidationSplit().setEstimator(pipeline(mlp))
        .setEstimatorParamMaps(new ParamGridBuilder()
            .addGrid(mlp.learningRate(), new double[] {1e-4, 0.05})
            .addGrid(mlp.batchSize(), new int[] {32, 64}).build())
        .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("f1"))
        .setTrainRatio(0.75).setSeed(2).fit(data);
    MLPClassificationModel best =
        (MLPClassificationModel) ((PipelineModel) tvs.bestModel()).stages()[1];
    assertEquals(0.05, best.getLearningRate());
  }
}
