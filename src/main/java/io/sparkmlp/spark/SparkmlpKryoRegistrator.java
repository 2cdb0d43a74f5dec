package io.sparkmlp.spark;

import com.esotericsoftware.kryo.Kryo;
import io.sparkmlp.data.ColumnStats;
import io.sparkmlp.nn.ConfusionMatrix;
import io.sparkmlp.spark.source.LabeledSample;
import org.apache.spark.serializer.KryoRegistrator;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Registers every sparkmlp class that Spark's data serializer may meet (cached and shuffled
 * blocks, task results, broadcasts), for clusters that set
 * {@code spark.kryo.registrationRequired=true}:
 * <pre>
 * spark.serializer                    org.apache.spark.serializer.KryoSerializer
 * spark.kryo.registrationRequired     true
 * spark.kryo.registrator              io.sparkmlp.spark.SparkmlpKryoRegistrator
 * </pre>
 * With Kryo but without required registration, nothing needs registering.
 */
public final class SparkmlpKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(Shipped.class);
    kryo.register(Block.class);
    kryo.register(GradientSum.class);
    kryo.register(RawFloats.class);
    kryo.register(LocalStart.class);
    kryo.register(LabeledSample.class);
    kryo.register(ColumnStats.class);
    kryo.register(ConfusionMatrix.class);
    kryo.register(float[][].class);
    kryo.register(double[][].class);
    kryo.register(int[][].class);
    // Spark's own classes that sparkmlp's jobs send and Spark leaves unregistered: collected
    // partitions of lists, and the schemas of the DataFrames that sources and predict build.
    kryo.register(java.util.List[].class);
    kryo.register(org.apache.spark.sql.types.ArrayType.class);
    kryo.register(org.apache.spark.sql.types.DataType[].class);
    kryo.register(org.apache.spark.ml.linalg.VectorUDT.class);
    for (DataType t : new DataType[] {DataTypes.FloatType, DataTypes.DoubleType,
        DataTypes.IntegerType, DataTypes.LongType, DataTypes.ShortType, DataTypes.ByteType,
        DataTypes.BooleanType, DataTypes.StringType, DataTypes.BinaryType, DataTypes.NullType,
        DataTypes.DateType, DataTypes.TimestampType}) {
      kryo.register(t.getClass());
    }
    kryo.register(org.apache.spark.sql.types.Metadata.class);
    kryo.register(org.apache.spark.sql.Row[].class);
    // The classes of Spark's rows: Kryo registers a concrete class, and Spark's public API
    // names only the Row interface. RowFactory gives a plain row's class; the class of a row
    // with a schema (what collect returns) has no public factory, so it is named.
    kryo.register(RowFactory.create().getClass());
    registerIfPresent(kryo, "org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema",
        false);
    kryo.register(Object[].class);
    // The classes below are private to Spark and met only inside its own jobs, yet required
    // registration asks for every class serialized: they are named, and skipped where absent.
    // What MLlib's evaluators (RegressionEvaluator's summary statistics) aggregate: the buffer
    // and the metric objects nested in SummaryBuilderImpl, with their arrays.
    registerIfPresent(kryo, "org.apache.spark.ml.stat.SummarizerBuffer", false);
    registerIfPresent(kryo, "org.apache.spark.ml.stat.SummaryBuilderImpl", true);
    // What BinaryClassificationMetrics (MLlib's BinaryClassificationEvaluator, which users
    // may run on a model's predictions) combines and collects per score.
    registerIfPresent(kryo, "org.apache.spark.mllib.evaluation.binary.BinaryLabelCounter",
        false);
    registerIfPresent(kryo, "[Lorg.apache.spark.mllib.evaluation.binary.BinaryLabelCounter;",
        false);
  }

  /**
   * Registers a class of Spark's that its public API does not name, by name (and, with nested, each class declared in it and
   * its array type), when this Spark version has it.
   */
  private static void registerIfPresent(Kryo kryo, String className, boolean nested) {
    try {
      Class<?> c = Class.forName(className, false, kryo.getClassLoader());
      kryo.register(c);
      if (nested) {
        for (Class<?> inner : c.getDeclaredClasses()) {
          kryo.register(inner);
          kryo.register(inner.arrayType());
        }
      }
    } catch (ClassNotFoundException e) {
      // Another Spark version: it has no such class to send.
    }
  }
}
