package io.sparkmlp.cli;

import io.sparkmlp.model.Sequential;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --model option of evaluate, predict and summary. */
final class ModelOption {
  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR",
      description = "a model directory written by train")
  Path model;

  Sequential load() {
    return Sequential.load(model);
  }
}
