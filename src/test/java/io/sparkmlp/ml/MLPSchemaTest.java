package io.sparkmlp.ml;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** transformSchema's errors name the stage, the column and what was expected. */
class MLPSchemaTest {
  private static final StructType VECTOR_FEATURES = new StructType()
      .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);

  private static MLPClassifier classifier() {
    return new MLPClassifier().setLayers(new int[] {4, 8, 3});
  }

  @Test
  void missingFeaturesColumnIsNamedWithTheColumnsThereAre() {
    String m = assertFails(() -> classifier().setFeaturesCol("pixels")
        .transformSchema(VECTOR_FEATURES));
    assertEquals("MLPClassifier: features column 'pixels' not found; the DataFrame has "
        + "columns: features, label", m);
  }

  @Test
  void featuresOfTheWrongTypeAreRejected() {
    StructType schema = new StructType().add("features", DataTypes.StringType)
        .add("label", DataTypes.DoubleType);
    String m = assertFails(() -> classifier().transformSchema(schema));
    assertEquals("MLPClassifier: features column 'features' has type string; expected a "
        + "Vector (org.apache.spark.ml.linalg), array<float> or array<double>", m);
  }

  @Test
  void arrayOfIntegersIsNotAFeatureVector() {
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.IntegerType))
        .add("label", DataTypes.DoubleType);
    assertFails(() -> classifier().transformSchema(schema), "has type array<int>");
  }

  @Test
  void vectorOfTheWrongWidthIsCaughtFromItsAttributes() {
    Dataset<Row> df = MlTestData.rings(10, 1);
    Dataset<Row> assembled = new VectorAssembler().setInputCols(new String[] {"x1", "x2"})
        .setOutputCol("features").transform(df);
    String m = assertFails(() -> classifier().transformSchema(assembled.schema()));
    assertEquals("MLPClassifier: features column 'features' holds vectors of 2 values (from "
        + "its ML attributes), expected 4 (layers[0])", m);
  }

  @Test
  void wrongWidthWithoutAttributesFailsFitNamingBothWidths() {
    Dataset<Row> df = MlTestData.blobs(30, 1);  // 4 features
    MLPClassifier c = new MLPClassifier().setLayers(new int[] {5, 3}).setMaxEpochs(1);
    assertFails(() -> c.fit(df), "4 features per row", "inputDim is 5");
  }

  @Test
  void stringLabelsAreRejected() {
    StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.StringType);
    assertEquals("MLPClassifier: label column 'label' has type string; expected a number",
        assertFails(() -> classifier().transformSchema(schema)));
  }

  @Test
  void missingWeightColumnIsNamed() {
    String m = assertFails(() -> classifier().setWeightCol("w").transformSchema(VECTOR_FEATURES));
    assertTrue(m.startsWith("MLPClassifier: weight column 'w' not found"), m);
  }

  @Test
  void regressorAcceptsVectorLabelsButNotStrings() {
    StructType vectorLabel = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", SQLDataTypes.VectorType());
    StructType out = new MLPRegressor().setLayers(new int[] {4, 8, 2})
        .transformSchema(vectorLabel);
    assertEquals(SQLDataTypes.VectorType(), out.apply("prediction").dataType());
    StructType stringLabel = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.StringType);
    assertFails(() -> new MLPRegressor().setLayers(new int[] {4, 1})
        .transformSchema(stringLabel), "expected a number, a Vector or array");
  }

  @Test
  void labelsMustFitTheOutputLayer() {
    assertEquals("MLPClassifier: layers ends with 1 output; a classifier needs one output per "
        + "class, at least 2", assertFails(() -> new MLPClassifier().setLayers(new int[] {4, 1})
        .transformSchema(VECTOR_FEATURES)));
    Dataset<Row> indexed = new StringIndexer().setInputCol("name").setOutputCol("label")
        .fit(MlTestData.spark().createDataFrame(List.of(RowFactory.create("a"),
            RowFactory.create("b"), RowFactory.create("c")),
            new StructType().add("name", DataTypes.StringType)))
        .transform(MlTestData.spark().createDataFrame(List.of(RowFactory.create("a")),
            new StructType().add("name", DataTypes.StringType)));
    StructType schema = indexed.schema().add("features", SQLDataTypes.VectorType());
    assertEquals("MLPClassifier: label column 'label' has 3 classes (from its ML attributes) "
        + "but layers ends with 10 outputs; set layers[last] to the number of classes",
        assertFails(() -> new MLPClassifier().setLayers(new int[] {4, 10})
            .transformSchema(schema)));
    assertEquals("MLPRegressor: label column 'label' holds one number per row but layers ends "
        + "with 2 outputs; give a Vector or array label of 2 values, or end layers with 1",
        assertFails(() -> new MLPRegressor().setLayers(new int[] {4, 2})
            .transformSchema(VECTOR_FEATURES)));
  }

  @Test
  void aLabelOutOfRangeFailsFitNamingTheStageAndColumn() {
    Dataset<Row> df = MlTestData.blobs(30, 2);  // labels 0, 1, 2
    String m = assertFails(() -> new MLPClassifier().setLayers(new int[] {4, 2}).setMaxEpochs(1)
        .fit(df));
    assertTrue(m.startsWith("MLPClassifier (featuresCol 'features', labelCol 'label'): ")
        && m.contains("label 2.0"), m);
  }

  @Test
  void existingOutputColumnIsRefused() {
    StructType schema = VECTOR_FEATURES.add("prediction", DataTypes.DoubleType);
    assertEquals("MLPClassifier: output column 'prediction' already exists; set another "
        + "name or drop it", assertFails(() -> classifier().transformSchema(schema)));
  }

  @Test
  void layersMustBeSetAndValid() {
    assertFails(() -> new MLPClassifier().transformSchema(VECTOR_FEATURES), "layers is not set");
    assertEquals("layers must list at least 2 widths (the features' width, ..., the "
        + "outputs), each >= 1, got [4, 0, 3]",
        assertFails(() -> new MLPClassifier().setLayers(new int[] {4, 0, 3})));
  }

  @Test
  void classifierAppendsMllibsColumns() {
    StructType out = classifier().transformSchema(VECTOR_FEATURES);
    assertEquals(SQLDataTypes.VectorType(), out.apply("rawPrediction").dataType());
    assertEquals(SQLDataTypes.VectorType(), out.apply("probability").dataType());
    assertEquals(DataTypes.DoubleType, out.apply("prediction").dataType());
    StructType some = classifier().setRawPredictionCol("").transformSchema(VECTOR_FEATURES);
    assertEquals(4, some.size());
  }

  @Test
  void paramsHaveDocsAndCopyKeepsTheUid() {
    MLPClassifier c = classifier().setLearningRate(0.01);
    String explained = c.explainParams();
    assertTrue(explained.contains("layers: layer widths from the input to the output"),
        explained);
    assertTrue(explained.contains("learningRate: the optimizer's learning rate (> 0) "
        + "(default: 0.001, current: 0.01)"), explained);
    MLPClassifier copy = c.copy(new ParamMap().put(c.batchSize(), 64));
    assertEquals(c.uid(), copy.uid());
    assertEquals(64, copy.getBatchSize());
    assertEquals(0.01, copy.getLearningRate());
    assertEquals(128, c.getBatchSize(), "copy must not change the original");
  }

  @Test
  void invalidParamValuesAreRefusedBySpark() {
    assertThrows(IllegalArgumentException.class, () -> classifier().setLearningRate(-1));
    assertThrows(IllegalArgumentException.class, () -> classifier().setActivation("softmax"));
    assertThrows(IllegalArgumentException.class, () -> classifier().setOptimizer("newton"));
    assertThrows(IllegalArgumentException.class, () -> classifier().setSolver("lbfgs"));
    assertThrows(IllegalArgumentException.class, () -> classifier().setTol(-1e-6));
    assertThrows(IllegalArgumentException.class, () -> classifier().setMaxIter(0));
  }
}
