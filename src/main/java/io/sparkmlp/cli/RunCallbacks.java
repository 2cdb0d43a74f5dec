package io.sparkmlp.cli;

import io.sparkmlp.model.Callback;
import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.TargetLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * The callbacks a run's {@code fit} section asks for, freshly made. The target-loss callback is
 * kept by name because the run's exit code depends on whether it was reached.
 *
 * @param earlyStopping from {@code fit.early_stopping}, or null
 * @param targetLoss from {@code fit.target_loss}, or null
 */
public record RunCallbacks(EarlyStopping earlyStopping, TargetLoss targetLoss) {

  /** The callbacks that are set, in the order they run. */
  public Callback[] all() {
    List<Callback> all = new ArrayList<>();
    if (earlyStopping != null) {
      all.add(earlyStopping);
    }
    if (targetLoss != null) {
      all.add(targetLoss);
    }
    return all.toArray(new Callback[0]);
  }
}
