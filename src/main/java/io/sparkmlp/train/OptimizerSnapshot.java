package io.sparkmlp.train;

import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.io.Serializable;

/**
 * An optimizer with its state at one moment: what every holder of rows starts its local steps
 * from (broadcast on Spark).
 */
public record OptimizerSnapshot(Optimizer optimizer, long step, float[][] slots)
    implements Serializable {

  /** The optimizer with (references to) the slots of its live state. */
  public static OptimizerSnapshot of(Optimizer optimizer, OptimizerState state) {
    float[][] slots = new float[state.numSlots()][];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = state.slot(i);
    }
    return new OptimizerSnapshot(optimizer, state.step(), slots);
  }

  /** A private copy of the state for one holder to advance. */
  OptimizerState copyState() {
    float[][] copy = new float[slots.length][];
    for (int i = 0; i < slots.length; i++) {
      copy[i] = slots[i].clone();
    }
    return new OptimizerState(step, copy);
  }
}
