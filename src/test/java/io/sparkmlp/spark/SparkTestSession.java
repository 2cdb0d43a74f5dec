package io.sparkmlp.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session shared by the test classes of a run (starting one costs seconds).
 * Its data serializer is Kryo with registration required (the strictest setting clusters use),
 * unless the system property {@code sparkmlp.test.serializer} is {@code java}: the pom runs the
 * Spark and ML tests once more that way, so both serializers carry fit, transform and
 * persistence.
 */
public final class SparkTestSession {
  /** The system property that picks the serializer: {@code kryo} (default) or {@code java}. */
  public static final String SERIALIZER = "sparkmlp.test.serializer";
  /**
   * What Spark 3.5's StringIndexer (in MLPSchemaTest) sends unregistered, not sparkmlp: its
   * aggregation buffers. Spark 4 does not send them.
   */
  private static final String[] SPARK_3_OWN = {"[Lorg.apache.spark.util.collection.OpenHashMap;",
      "org.apache.spark.util.collection.OpenHashMap$mcJ$sp",
      "org.apache.spark.util.collection.OpenHashSet",
      "org.apache.spark.util.collection.OpenHashSet$Hasher",
      "scala.reflect.ManifestFactory$LongManifest"};
  private static SparkSession session;

  private SparkTestSession() {}

  /** A local[2] builder with the tests' settings and serializer. */
  public static SparkSession.Builder builder(String appName) {
    SparkSession.Builder b = SparkSession.builder().master("local[2]").appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1");
    String serializer = System.getProperty(SERIALIZER, "kryo");
    if (serializer.equals("kryo")) {
      b.config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
          .config("spark.kryo.registrationRequired", "true")
          .config("spark.kryo.registrator", SparkmlpKryoRegistrator.class.getName());
      if (org.apache.spark.package$.MODULE$.SPARK_VERSION().startsWith("3.")) {
        b.config("spark.kryo.classesToRegister", String.join(",", present(SPARK_3_OWN)));
      }
    } else if (!serializer.equals("java")) {
      throw new IllegalArgumentException(SERIALIZER + " must be kryo or java, got " + serializer);
    }
    return b;
  }

  private static List<String> present(String[] classNames) {
    List<String> found = new ArrayList<>();
    for (String name : classNames) {
      try {
        Class.forName(name, false, SparkTestSession.class.getClassLoader());
        found.add(name);
      } catch (ClassNotFoundException e) {
        // Not in this Spark version.
      }
    }
    return found;
  }

  public static synchronized SparkSession get() {
    if (session == null) {
      session = builder("sparkmlp-tests").getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> session.stop()));
    }
    return session;
  }

  public static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(get().sparkContext());
  }
}
