package io.sparkmlp.spark;

import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.io.Serializable;

/** An optimizer with its state at one moment, to broadcast for local steps on partitions. */
record OptimizerSnapshot(Optimizer optimizer, long step, float[][] slots) implements Serializable {

  static OptimizerSnapshot of(Optimizer optimizer, OptimizerState state) {
    float[][] slots = new float[state.numSlots()][];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = state.slot(i);
    }
    return new OptimizerSnapshot(optimizer, state.step(), slots);
  }

  /** A private copy of the state for one partition to advance. */
  OptimizerState copyState() {
    float[][] copy = new float[slots.length][];
    for (int i = 0; i < slots.length; i++) {
      copy[i] = slots[i].clone();
    }
    return new OptimizerState(step, copy);
  }
}
