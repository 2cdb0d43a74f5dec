package io.sparkmlp.spark;

import io.sparkmlp.train.StepPlan;
import java.io.Serializable;

/**
 * What every task of one training run needs besides the weights, broadcast once per run: the
 * {@link StepPlan} (network, metrics, seed, steps per epoch, shuffling, slice size) and a run id
 * that keys the executors' per-partition caches.
 */
record TrainingSpec(String runId, StepPlan plan) implements Serializable {}
