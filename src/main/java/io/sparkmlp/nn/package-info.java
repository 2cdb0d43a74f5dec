/**
 * Network description and numerics: layer specs, the flat parameter layout, workspaces,
 * initialisers, losses, metrics and {@link io.sparkmlp.nn.Network}, the single forward/backward
 * path that local and distributed training share. No Spark.
 */
package io.sparkmlp.nn;
