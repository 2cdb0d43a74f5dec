package io.sparkmlp.model;

import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.nn.Network;
import java.util.List;
import java.util.Locale;

/** Keras's model.summary() table for a network. */
final class Summary {
  private Summary() {}

  static String of(Network net) {
    StringBuilder sb = new StringBuilder();
    String rule = "-".repeat(66) + "\n";
    sb.append("Model: \"sequential\"\n").append(rule);
    sb.append(String.format(Locale.ROOT, "%-28s %-22s %14s%n", "Layer (type)", "Output Shape",
        "Param #"));
    sb.append("=".repeat(66)).append('\n');
    List<LayerSpec> layers = net.layers();
    int dense = 0;
    int dropout = 0;
    for (LayerSpec l : layers) {
      String name = l instanceof DenseSpec d
          ? "dense_" + dense++ + " (Dense, " + d.activation().kerasName() + ")"
          : "dropout_" + dropout++ + " (Dropout)";
      sb.append(String.format(Locale.ROOT, "%-28s %-22s %,14d%n", name,
          "(None, " + l.outputDim() + ")", l.numParams()));
    }
    sb.append("=".repeat(66)).append('\n');
    sb.append(String.format(Locale.ROOT, "Total params: %,d (%s)%n", net.numParams(),
        bytes(4L * net.numParams())));
    sb.append(String.format(Locale.ROOT, "Loss: %s%n", net.loss().kerasName()));
    return sb.toString();
  }

  private static String bytes(long n) {
    return n < 1024 ? n + " B" : n < 1 << 20 ? String.format(Locale.ROOT, "%.2f KB", n / 1024.0)
        : String.format(Locale.ROOT, "%.2f MB", n / 1048576.0);
  }
}
