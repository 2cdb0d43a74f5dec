package io.sparkmlp.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.util.DefaultParamsReader;
import scala.Option;
import scala.collection.immutable.List$;

/**
 * Reads params saved under a name they no longer have: stages saved before the L-BFGS solver
 * came hold the optimizer under {@code optimizer}, now {@code solver} (MLlib's name), with the
 * same values. Spark's reader refuses a param the stage does not have, so the old name is
 * skipped there and its value set under the new one.
 */
final class RenamedParams {
  /** The old name of the solver param. */
  static final String OPTIMIZER = "optimizer";

  private RenamedParams() {}

  /** Sets the stage's params from metadata, old names included. */
  static void getAndSetParams(DefaultParamsReader.Metadata metadata, MLPParams stage) {
    metadata.getAndSetParams(stage,
        Option.apply(List$.MODULE$.<String>empty().$colon$colon(OPTIMIZER)));
    JsonNode old;
    try {
      old = Json.json().readTree(metadata.metadataJson()).path("paramMap").path(OPTIMIZER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (old.isTextual()) {
      stage.set(stage.solver(), old.asText());
    }
  }
}
