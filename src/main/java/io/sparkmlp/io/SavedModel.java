package io.sparkmlp.io;

import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.optim.OptimizerState;
import java.util.List;
import java.util.Map;

/**
 * Everything a model directory holds: the resolved layers, the compile settings (loss,
 * optimizer name and Keras-named config, metrics), the seed, the flat parameters and,
 * optionally, the optimizer state for resuming training.
 */
public record SavedModel(List<LayerSpec> layers, String loss, String optimizerName,
                         Map<String, Object> optimizerConfig, List<String> metrics, long seed,
                         float[] params, OptimizerState optimizerState) {}
