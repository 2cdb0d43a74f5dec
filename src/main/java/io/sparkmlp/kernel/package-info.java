/**
 * Static numeric kernels on flat float32 arrays with offsets: GEMM, activations forward and
 * backward, fused softmax + cross-entropy and other losses, vector operations. No state, no
 * allocation per call, no Spark.
 */
package io.sparkmlp.kernel;
