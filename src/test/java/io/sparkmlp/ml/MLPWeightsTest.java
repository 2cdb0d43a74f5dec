package io.sparkmlp.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

/** The weight column reaches training: weights of 1 change nothing, weights of 0 erase rows. */
class MLPWeightsTest {
  private static Dataset<Row> data() {
    return new VectorAssembler().setInputCols(new String[] {"x1", "x2"})
        .setOutputCol("features").transform(MlTestData.rings(200, 9));
  }

  private static MLPClassifier classifier() {
    return new MLPClassifier().setLayers(new int[] {2, 8, 2}).setLearningRate(0.05)
        .setBatchSize(50).setMaxEpochs(3).setSeed(2);
  }

  @Test
  void weightsOfOneGiveTheUnweightedModel() {
    Dataset<Row> df = data().withColumn("w", functions.lit(1));
    MLPClassificationModel plain = classifier().fit(df);
    MLPClassificationModel weighted = classifier().setWeightCol("w").fit(df);
    assertArrayEquals(plain.network().params(), weighted.network().params());
  }

  @Test
  void rowsOfWeightZeroAreNotLearnt() {
    // Class 1 weighs nothing: the model only ever sees class 0 and predicts it everywhere.
    Dataset<Row> df = data().withColumn("w", functions.expr("IF(label = 1, 0.0, 1.0)"));
    MLPClassificationModel m = classifier().setWeightCol("w").setMaxEpochs(5).fit(df);
    assertEquals(0, m.transform(df).filter("prediction = 1").count());
    assertEquals(5, m.summary().totalEpochs());
  }
}
