package io.sparkmlp.cli;

import io.sparkmlp.spark.DataLoader;
import io.sparkmlp.spark.DataSourceConfig;
import io.sparkmlp.spark.Preprocessor;
import io.sparkmlp.report.MetricsTable;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.SparkTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparkmlp evaluate --model DIR --format F --data ...}: loss and metrics of a model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Compute a model's loss and metrics on labelled data; prints a table and a "
        + "JSON line.")
final class EvaluateCommand implements Callable<Integer> {
  @Mixin
  ModelOption model;

  @ArgGroup(exclusive = false, multiplicity = "1")
  DataOptions data;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the metrics as JSON")
  Path json;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master;

  @Override
  public Integer call() throws Exception {
    Sequential m = model.load();
    Preprocessor pre = Preprocessor.load(model.model);
    DataSourceConfig src = data.source(true);
    try (Sessions session = Sessions.open(master, null, "sparkmlp-evaluate")) {
      SparkSession spark = session.spark();
      Map<String, Double> metrics = SparkTraining.evaluate(m,
          JavaSparkContext.fromSparkContext(spark.sparkContext()),
          pre.apply(DataLoader.blocks(spark, src, data.partitions)),
          DistributedOptions.of(FitOptions.DEFAULTS));
      System.out.print(MetricsTable.table(metrics));
      String line = MetricsTable.json(metrics);
      System.out.println(line);
      if (json != null) {
        Files.writeString(json, line + "\n");
      }
      return ExitCode.OK;
    }
  }
}
