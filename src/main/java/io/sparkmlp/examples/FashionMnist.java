package io.sparkmlp.examples;

import io.sparkmlp.data.Idx;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Scaling;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fashion-MNIST from its IDX files (gzip), as Debian's dataset-fashion-mnist installs them:
 * pixels scaled to [0, 1], labels as class indices (n, 1).
 */
public final class FashionMnist {
  /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
  public static final Path DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  private FashionMnist() {}

  /** (xTrain, yTrain, xTest, yTest). */
  public static Matrix[] load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such directory; install the data with "
          + "scripts/get-fashion-mnist.sh (apt-get install dataset-fashion-mnist)");
    }
    return new Matrix[] {
        Scaling.divide(Idx.read(dir.resolve("train-images-idx3-ubyte.gz")), Scaling.PIXEL_MAX),
        Idx.read(dir.resolve("train-labels-idx1-ubyte.gz")),
        Scaling.divide(Idx.read(dir.resolve("t10k-images-idx3-ubyte.gz")), Scaling.PIXEL_MAX),
        Idx.read(dir.resolve("t10k-labels-idx1-ubyte.gz"))};
  }

  /** True when the dataset is installed at dir. */
  public static boolean available(Path dir) {
    return Files.exists(dir.resolve("train-images-idx3-ubyte.gz"));
  }
}
