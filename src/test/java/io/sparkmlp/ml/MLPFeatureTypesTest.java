package io.sparkmlp.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The same rows as dense Vectors, sparse Vectors and array&lt;float&gt; train the same model
 * and get the same predictions: every form reaches the kernel as the same floats.
 */
class MLPFeatureTypesTest {
  @Test
  void denseSparseAndFloatArrayFeaturesAreTheSame() {
    List<Row> dense = new ArrayList<>();
    List<Row> sparse = new ArrayList<>();
    List<Row> floats = new ArrayList<>();
    for (Row r : MlTestData.blobs(150, 4).collectAsList()) {
      DenseVector v = ((Vector) r.getAs(0)).toDense();
      double[] x = v.values().clone();
      x[1] = 0;  // a zero the sparse form leaves out
      dense.add(RowFactory.create(Vectors.dense(x), r.get(1)));
      sparse.add(RowFactory.create(Vectors.dense(x).toSparse(), r.get(1)));
      List<Float> f = new ArrayList<>();
      for (double d : x) {
        f.add((float) d);
      }
      floats.add(RowFactory.create(f, r.get(1)));
    }
    StructType vectors = new StructType().add("features", SQLDataTypes.VectorType())
        .add("label", DataTypes.DoubleType);
    StructType arrays = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.FloatType, false))
        .add("label", DataTypes.DoubleType);
    MLPClassifier mlp = new MLPClassifier().setLayers(new int[] {4, 6, 3}).setBatchSize(50)
        .setMaxEpochs(3).setSeed(8);
    Dataset<Row> denseDf = MlTestData.spark().createDataFrame(dense, vectors);
    MLPClassificationModel a = mlp.fit(denseDf);
    MLPClassificationModel b = mlp.fit(MlTestData.spark().createDataFrame(sparse, vectors));
    Dataset<Row> floatDf = MlTestData.spark().createDataFrame(floats, arrays);
    MLPClassificationModel c = mlp.fit(floatDf);
    assertArrayEquals(a.network().params(), b.network().params());
    assertArrayEquals(a.network().params(), c.network().params());
    assertEquals(a.transform(denseDf).select("probability").collectAsList(),
        a.transform(floatDf).select("probability").collectAsList());
  }
}
