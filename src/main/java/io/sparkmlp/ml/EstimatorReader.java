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
    // Spark ML's stage metadata (the metadata/ file that Pipeline and PipelineModel
    // persistence read to find a stage's class and params) is written and read only by
    // DefaultParamsWriter and DefaultParamsReader, private to Spark ML (private[ml], public in
    // the bytecode). The public DefaultParamsWritable/Readable cover stages without data and
    // without renamed params only; writing the format ourselves would copy an internal format
    // that Spark may change. So Spark's own is called, through
    // the SparkContext overload: the one Spark 3.5 and 4.x both have.
    DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
        type.getName());
    E stage = factory.apply(metadata.uid());
    RenamedParams.getAndSetParams(metadata, stage);
    return stage;
  }
}
