package io.sparkmlp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.ClassifierRows;
import io.sparkmlp.report.ClassificationTable;
import io.sparkmlp.report.MetricsTable;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.ClassifierMetrics;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.spark.source.DataLoader;
import io.sparkmlp.spark.source.DataSourceConfig;
import io.sparkmlp.spark.source.Preprocessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparkmlp evaluate --model DIR --format F --data ...}: loss and metrics of a model; for
 * a single-label classifier also precision, recall and F1 per class with their macro and
 * weighted averages, the confusion matrix, and ROC AUC for two classes
 * ({@link ClassifierMetrics}, computed on the executors).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Compute a model's loss and metrics on labelled data (classifiers: also "
        + "precision, recall and F1 per class, the confusion matrix, and ROC AUC for two "
        + "classes); prints tables and a JSON line.")
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
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      // Read once for the loss pass and the class metrics' passes.
      JavaRDD<Block> blocks = pre.apply(DataLoader.blocks(spark, src, data.partitions))
          .persist(StorageLevel.MEMORY_AND_DISK());
      // The loss pass checks the labels first (bad ones exit 2), on its own view of the
      // blocks: it checkpoints and then frees what it is given.
      Map<String, Double> metrics = SparkTraining.evaluate(m, jsc, blocks.map(b -> b),
          DistributedOptions.of(FitOptions.DEFAULTS));
      System.out.print(MetricsTable.table(metrics));
      Map<String, Object> all = new LinkedHashMap<>(metrics);
      if (ClassifierRows.applies(m.network())) {
        ClassifierMetrics.Result r = ClassifierMetrics.compute(jsc, m, blocks);
        System.out.print(ClassificationTable.table(r.confusion(), r.rocAuc()));
        all.putAll(ClassificationTable.entries(r.confusion(), r.rocAuc()));
      }
      blocks.unpersist(false);
      String line = new ObjectMapper().writeValueAsString(all);  // one line
      System.out.println(line);
      if (json != null) {
        Files.writeString(json, line + "\n");
      }
      return ExitCode.OK;
    }
  }
}
