package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.EarlyStopping;
import io.sparkmlp.model.TargetLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code callbacks} section: the settings of the callbacks a run passes to fit, Keras's
 * {@code model.fit(callbacks=[...])}, each bound to its callback's own settings record.
 */
@JsonClassDescription("Callbacks passed to fit: when training stops before its last epoch.")
public record CallbacksConfig(
    @JsonPropertyDescription("stop when a monitored value stops improving; unset, never")
    EarlyStopping.Settings earlyStopping,
    @JsonPropertyDescription("stop when a loss is reached; unset, never")
    TargetLoss.Settings targetLoss) {

  /** New callbacks for early_stopping and target_loss, in that order (they keep state). */
  public List<Callback> create() {
    List<Callback> all = new ArrayList<>();
    if (earlyStopping != null) {
      all.add(new EarlyStopping(earlyStopping));
    }
    if (targetLoss != null) {
      all.add(new TargetLoss(targetLoss));
    }
    return all;
  }
}
