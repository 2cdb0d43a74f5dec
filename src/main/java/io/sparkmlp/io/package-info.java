/**
 * Model directories: model.json (Keras-like architecture and compile settings), weights.bin
 * and optimizer.bin (versioned little-endian float32 with a checksum), written atomically.
 * Uses nn and optim only, so the Keras-style model package can save through it; no Java
 * serialization, no Spark.
 */
package io.sparkmlp.io;
