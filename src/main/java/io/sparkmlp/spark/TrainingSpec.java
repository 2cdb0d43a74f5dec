package io.sparkmlp.spark;

import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import java.io.Serializable;
import java.util.List;

/**
 * What every task of one training run needs besides the weights, broadcast once per run: the
 * network, its metrics, the seed, steps per epoch, whether to shuffle, and a run id that keys
 * the executors' per-partition caches.
 */
record TrainingSpec(String runId, Network network, List<Metric> metrics, long seed,
                    int stepsPerEpoch, boolean shuffle, int maxSlice) implements Serializable {}
