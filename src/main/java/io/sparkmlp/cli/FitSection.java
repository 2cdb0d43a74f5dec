package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.TargetLoss;
import io.sparkmlp.spark.DistributedOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fit} section, bound straight into the runtime's records: the keys of
 * {@link FitOptions} and {@code sync_every} of {@link DistributedOptions} (unwrapped, so they
 * sit side by side), and the callbacks' settings. A training option added to those records is a
 * key here without a change to this file. Jackson lets unknown keys through unwrapped records,
 * so {@link ConfigLoader} refuses them itself.
 *
 * @param distributed the fit settings and sync_every; its columns, partitions and tree depth
 *     are left at their defaults here ({@link RunConfig#distributedOptions} sets them)
 */
@JsonClassDescription("Keras's model.fit arguments, and how the cluster trains.")
public record FitSection(
    @JsonUnwrapped DistributedOptions distributed,
    @JsonPropertyDescription("stop when a monitored value stops improving; unset, never")
    EarlyStopping.Settings earlyStopping,
    @JsonPropertyDescription("stop when a loss is reached; unset, never")
    TargetLoss.Settings targetLoss) {

  public FitSection {
    distributed = distributed == null ? DistributedOptions.builder().build() : distributed;
  }

  /** The fit settings as written (fit.seed unset until {@link RunConfig} resolves it). */
  public FitOptions options() {
    return distributed.fit();
  }

  /** New callbacks for early_stopping and target_loss, in that order (they keep state). */
  public List<Callback> callbacks() {
    List<Callback> all = new ArrayList<>();
    if (earlyStopping != null) {
      all.add(new EarlyStopping(earlyStopping));
    }
    if (targetLoss != null) {
      all.add(new TargetLoss(targetLoss));
    }
    return all;
  }

  /** This section with an unset seed replaced by the model's. */
  FitSection withSeedDefault(long modelSeed) {
    if (options().seed() != null) {
      return this;
    }
    FitOptions seeded = options().toBuilder().seed(modelSeed).build();
    return new FitSection(DistributedOptions.builder().fit(seeded)
        .syncEvery(distributed.syncEvery()).build(), earlyStopping, targetLoss);
  }
}
