package io.sparkmlp.cli;

import io.sparkmlp.io.Location;
import io.sparkmlp.model.Sequential;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The --model option of evaluate, predict and summary. */
final class ModelOption {
  @Option(names = {"-m", "--model"}, required = true, paramLabel = "DIR",
      converter = ToLocation.class,
      description = "a model directory written by train (a local path or a Hadoop URI such as "
          + "hdfs://nn:8020/models/fm)")
  Location model;

  Sequential load() {
    return Sequential.load(model);
  }

  /** Reads a command-line path as a {@link Location}: local, or a Hadoop URI. */
  static final class ToLocation implements ITypeConverter<Location> {
    @Override
    public Location convert(String value) {
      return Location.of(value);
    }
  }
}
