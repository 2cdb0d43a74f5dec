/**
 * Model directories: model.json (Keras-like architecture and compile settings), weights.bin
 * and optimizer.bin (versioned little-endian float32 with a checksum), written atomically.
 * Uses nn and optim only, so the Keras-style model package can save through it; no Java
 * serialization, no Spark. Every path is a {@link io.sparkmlp.io.Location}: local (java.nio,
 * as always) or a Hadoop URI ({@code hdfs://}, {@code s3a://}) reached through Hadoop's
 * FileSystem in {@code HadoopFiles} only ({@link io.sparkmlp.io.Storage} picks).
 */
package io.sparkmlp.io;
