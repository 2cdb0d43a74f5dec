package io.sparkmlp.ml;

import java.util.function.Function;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;

/**
 * Spark's DefaultParamsReader for the estimators, with the renamed params of
 * {@link RenamedParams} read too.
 */
final class EstimatorReader<E extends MLPParams> extends MLReader<E> {
  private final Class<E> type;
  private final Function<String, E> factory;

  EstimatorReader(Class<E> type, Function<String, E> factory) {
    this.type = type;
    this.factory = factory;
  }

  @Override
  public E load(String path) {
    DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path,
        sparkSession().sparkContext(), type.getName()); // Spark 3.5 has no SparkSession form
    E stage = factory.apply(metadata.uid());
    RenamedParams.getAndSetParams(metadata, stage);
    return stage;
  }
}
