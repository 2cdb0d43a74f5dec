package io.sparkmlp.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fitted pipeline saves, loads and predicts the same; the network opens as a Sequential. */
class MLPPersistenceTest {
  private static Dataset<Row> data;
  private static PipelineModel fitted;

  @BeforeAll
  static void fit() {
    data = MlTestData.rings(300, 3);
    MLPClassifier mlp = new MLPClassifier().setFeaturesCol("scaled")
        .setLayers(new int[] {2, 16, 2}).setActivation("tanh").setLearningRate(0.03)
        .setBatchSize(100).setMaxEpochs(15).setSeed(5);
    Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
        new VectorAssembler().setInputCols(new String[] {"x1", "x2"}).setOutputCol("features"),
        new StandardScaler().setInputCol("features").setOutputCol("scaled"), mlp});
    fitted = pipeline.fit(data);
  }

  private static List<Row> predictions(PipelineModel m) {
    return m.transform(data).select("rawPrediction", "probability", "prediction")
        .collectAsList();
  }

  @Test
  void reloadedPipelinePredictsIdentically(@TempDir Path tmp) throws Exception {
    String path = tmp.resolve("pipeline").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    assertEquals(predictions(fitted), predictions(loaded));
    MLPClassificationModel model = (MLPClassificationModel) loaded.stages()[2];
    assertEquals("scaled", model.getFeaturesCol());
    assertArrayEquals(new int[] {2, 16, 2}, model.getLayers());
    assertEquals(0.03, model.getLearningRate());
    assertEquals(fitted.stages()[2].uid(), model.uid());
    assertFalse(model.hasSummary(), "a loaded model has no training summary, as in MLlib");
    // Saving again over it needs overwrite, as for every Spark ML writer.
    assertThrows(IOException.class, () -> fitted.write().save(path));
    fitted.write().overwrite().save(path);
  }

  @Test
  void savedNetworkOpensWithThePlainSequentialLoader(@TempDir Path tmp) throws Exception {
    MLPClassificationModel model = (MLPClassificationModel) fitted.stages()[2];
    Path path = tmp.resolve("mlp");
    model.write().save(path.toString());
    Sequential plain = Sequential.load(path.resolve(MLPModel.NETWORK_DIR));
    try (Stream<Path> files = Files.list(path.resolve(MLPModel.NETWORK_DIR))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".crc")));
    }
    // All 300 rows in one partition: transform's batches of 256 rows must keep every row with
    // its own outputs across the batch boundary.
    List<Row> rows = fitted.transform(data.coalesce(1)).select("scaled", "probability")
        .collectAsList();
    float[] x = new float[rows.size() * 2];
    for (int r = 0; r < rows.size(); r++) {
      Vector v = rows.get(r).getAs(0);
      x[2 * r] = (float) v.apply(0);
      x[2 * r + 1] = (float) v.apply(1);
    }
    Matrix out = plain.predict(new Matrix(x, rows.size(), 2));
    for (int r = 0; r < rows.size(); r++) {
      Vector p = rows.get(r).getAs(1);
      assertEquals(out.get(r, 0), p.apply(0), 1e-6, "row " + r);
      assertEquals(out.get(r, 1), p.apply(1), 1e-6, "row " + r);
    }
    Vector first = rows.get(0).getAs(0);
    assertEquals(rows.get(0).getAs(1), model.predictProbability(first));
    // Leaving out .crc files must not switch checksums off for Hadoop's shared FileSystem.
    org.apache.hadoop.fs.FileSystem shared = org.apache.hadoop.fs.FileSystem.get(
        MlTestData.spark().sparkContext().hadoopConfiguration());
    shared.create(new org.apache.hadoop.fs.Path(tmp.resolve("after").toUri())).close();
    assertTrue(Files.exists(tmp.resolve(".after.crc")));
    MLPClassificationModel again = MLPClassificationModel.load(path.toString());
    assertArrayEquals(model.network().params(), again.network().params());
  }

  @Test
  void unfittedEstimatorRoundTripsItsParams(@TempDir Path tmp) throws Exception {
    MLPRegressor r = new MLPRegressor().setLayers(new int[] {3, 7, 2}).setLoss("mae")
        .setDropout(0.25).setWeightCol("w").setSeed(11);
    r.write().save(tmp.resolve("r").toString());
    MLPRegressor loaded = MLPRegressor.load(tmp.resolve("r").toString());
    assertEquals(r.uid(), loaded.uid());
    assertArrayEquals(new int[] {3, 7, 2}, loaded.getLayers());
    assertEquals("mae", loaded.getLoss());
    assertEquals(0.25, loaded.getDropout());
    assertEquals("w", loaded.getWeightCol());
    assertEquals(11L, loaded.getSeed());
  }

  @Test
  void transformKeepsTheMlAttributesTransformSchemaPromises() {
    // VectorAssembler's feature names and the prediction's number of classes survive.
    Dataset<Row> in = fitted.stages()[1].transform(fitted.stages()[0].transform(data));
    MLPClassificationModel model = (MLPClassificationModel) fitted.stages()[2];
    Dataset<Row> out = model.transform(in);
    StructField[] promised = model.transformSchema(in.schema()).fields();
    StructField[] actual = out.schema().fields();
    assertEquals(promised.length, actual.length);
    for (int i = 0; i < promised.length; i++) {
      assertEquals(promised[i].name(), actual[i].name());
      assertEquals(promised[i].dataType(), actual[i].dataType());
      assertEquals(promised[i].metadata(), actual[i].metadata(), promised[i].name());
    }
    assertEquals(2, AttributeGroup.fromStructField(out.schema().apply("features")).size());
    assertEquals("x1", AttributeGroup.fromStructField(out.schema().apply("features"))
        .getAttr(0).name().get());
  }

  @Test
  void fittedModelHasTheTrainingSummary() {
    MLPClassificationModel model = (MLPClassificationModel) fitted.stages()[2];
    MLPClassificationTrainingSummary s = model.summary();
    assertEquals(15, s.totalEpochs());
    double[] loss = s.objectiveHistory();
    assertTrue(loss[14] < loss[0] * 0.5, () -> "loss fell too little: " + loss[0] + " -> "
        + loss[14]);
    assertEquals(15, s.series("accuracy").length);
    assertEquals(0, s.validationLossHistory().length);
  }

  /**
   * Stages saved before the L-BFGS solver held the optimizer under "optimizer": they load, with
   * its value as the solver. The metadata is the current one with the key renamed back.
   */
  @Test
  void stagesSavedWithTheOldOptimizerParamLoad(@TempDir Path tmp) throws Exception {
    MLPClassificationModel model = ((MLPClassificationModel) fitted.stages()[2])
        .copy(new ParamMap());
    model.set(model.solver(), "rmsprop");
    String modelPath = tmp.resolve("model").toString();
    model.write().save(modelPath);
    renameSolverToOptimizer(Path.of(modelPath));
    assertEquals("rmsprop", MLPClassificationModel.load(modelPath).getSolver());

    String estimatorPath = tmp.resolve("estimator").toString();
    new MLPClassifier().setLayers(new int[] {2, 3}).setSolver("sgd").write().save(estimatorPath);
    renameSolverToOptimizer(Path.of(estimatorPath));
    MLPClassifier loaded = MLPClassifier.load(estimatorPath);
    assertEquals("sgd", loaded.getSolver());
    assertArrayEquals(new int[] {2, 3}, loaded.getLayers());
  }

  private static void renameSolverToOptimizer(Path stage) throws IOException {
    try (Stream<Path> files = Files.list(stage.resolve("metadata"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        String json = Files.readString(f);
        assertTrue(json.contains("\"solver\""), json);
        Files.writeString(f, json.replace("\"solver\"", "\"optimizer\""));
        // Hadoop's local file system checks the file against its .crc sibling
        Files.deleteIfExists(f.resolveSibling("." + f.getFileName() + ".crc"));
      }
    }
  }
}
