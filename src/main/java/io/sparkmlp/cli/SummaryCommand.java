package io.sparkmlp.cli;

import io.sparkmlp.io.Location;
import io.sparkmlp.io.Storage;
import io.sparkmlp.report.RunReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sparkmlp summary --model DIR}: the layers, parameters and last epoch of a model. */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a model's layers and parameter counts, and how its training ended.")
final class SummaryCommand implements Callable<Integer> {
  @Mixin
  ModelOption model;

  @Override
  public Integer call() throws Exception {
    System.out.print(model.load().summary());
    Location jsonl = model.model.resolve(RunReport.METRICS_JSONL);
    if (Storage.exists(jsonl)) {
      var lines = Storage.readString(jsonl).lines().toList();
      if (!lines.isEmpty()) {
        System.out.println("Epochs: " + lines.size() + "; last: " + lines.get(lines.size() - 1));
      }
    }
    Location test = model.model.resolve(RunOutput.TEST_METRICS);
    if (Storage.exists(test)) {
      System.out.println("Test: " + Storage.readString(test).replaceAll("\\s+", " ").trim());
    }
    return ExitCode.OK;
  }
}
