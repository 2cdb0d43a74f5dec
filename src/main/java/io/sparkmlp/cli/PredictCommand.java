package io.sparkmlp.cli;

import io.sparkmlp.spark.DataLoader;
import io.sparkmlp.spark.Preprocessor;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.model.Evaluator;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.TaskErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparkmlp predict --model DIR --format F --data ... --output preds.parquet}: the
 * class and the output values of every row, computed on the executors. Rows are numbered from
 * 0 in the order the data is read (partition by partition), in a column {@code row}; .parquet
 * keeps the outputs as an array column, .csv as one column per output, .npy as an
 * (N, outputs) float32 matrix.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Write a model's predictions for every row of the data.")
final class PredictCommand implements Callable<Integer> {
  @Mixin
  ModelOption model;

  @ArgGroup(exclusive = false, multiplicity = "1")
  DataOptions data;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "where to write: .parquet, .csv or .npy")
  String output;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master;

  @Override
  public Integer call() throws Exception {
    String ext = output.substring(output.lastIndexOf('.') + 1);
    if (!List.of("parquet", "csv", "npy").contains(ext)) {
      throw new IllegalArgumentException("--output " + output + ": the name must end in "
          + ".parquet, .csv or .npy");
    }
    Sequential m = model.load();
    Preprocessor pre = Preprocessor.load(model.model);
    try (Sessions session = Sessions.open(master, null, "sparkmlp-predict")) {
      SparkSession spark = session.spark();
      // Read once: one job counts the rows of each partition, the next predicts them.
      JavaRDD<Block> blocks = pre.apply(DataLoader.blocks(spark, data.source(false),
          data.partitions)).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        write(predictions(spark, blocks, m).orderBy("row"), m.network().outputDim());
      } finally {
        blocks.unpersist(false);
      }
      System.out.println("wrote predictions to " + output);
      return ExitCode.OK;
    }
  }

  private void write(Dataset<Row> preds, int outputs) {
    switch (output.substring(output.lastIndexOf('.') + 1)) {
      case "parquet" -> TaskErrors.rethrowBadInput(() -> {
        preds.drop("partition").write().mode("overwrite").parquet(output);
        return null;
      });
      case "csv" -> {
        List<Column> cols = new ArrayList<>(List.of(functions.col("row"),
            functions.col("prediction")));
        for (int j = 0; j < outputs; j++) {
          cols.add(functions.col("output").getItem(j).as("output_" + j));
        }
        TaskErrors.rethrowBadInput(() -> {
          preds.select(cols.toArray(new Column[0])).coalesce(1).write().mode("overwrite")
              .option("header", "true").csv(output);
          return null;
        });
      }
      default -> {
        List<Row> rows = TaskErrors.rethrowBadInput(() -> preds.select("output")
            .collectAsList());
        float[] v = new float[rows.size() * outputs];
        for (int r = 0; r < rows.size(); r++) {
          List<Float> o = rows.get(r).getList(0);
          for (int j = 0; j < outputs; j++) {
            v[r * outputs + j] = o.get(j);
          }
        }
        Npy.write(Path.of(output), new Matrix(v, rows.size(), outputs));
      }
    }
  }

  /**
   * (partition, row, prediction, output[]) for every row of the blocks, row numbering them all
   * from 0 in partition order. Runs one job to count each partition's rows: persist the blocks.
   */
  static Dataset<Row> predictions(SparkSession spark, JavaRDD<Block> blocks, Sequential m) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Network net = m.network();
    List<Long> counts = TaskErrors.rethrowBadInput(() -> blocks.mapPartitions(it -> {
      long n = 0;
      while (it.hasNext()) {
        n += it.next().rows();
      }
      return List.of(n).iterator();
    }).collect());
    long[] first = new long[counts.size()];
    for (int i = 1; i < first.length; i++) {
      first[i] = first[i - 1] + counts.get(i - 1);
    }
    Broadcast<float[]> params = jsc.broadcast(m.params());
    JavaRDD<Row> rows = blocks.mapPartitionsWithIndex((index, it) -> {
      List<Row> out = new ArrayList<>();
      long next = first[index];
      while (it.hasNext()) {
        Block b = it.next();
        if (b.rows() == 0) {
          continue;
        }
        Matrix p = new Evaluator(net, List.<Metric>of(), Math.min(512, b.rows()))
            .predict(new Matrix(b.x(), b.rows(), b.xCols()), params.value());
        for (int r = 0; r < b.rows(); r++) {
          float[] o = new float[p.cols()];
          System.arraycopy(p.values(), r * p.cols(), o, 0, o.length);
          int cls = o.length == 1 ? (o[0] > 0.5f ? 1 : 0) : Metric.argmax(o, 0, o.length);
          out.add(RowFactory.create(b.partition(), next++, cls, o));
        }
      }
      return out.iterator();
    }, true);
    StructType schema = new StructType()
        .add("partition", DataTypes.IntegerType, false)
        .add("row", DataTypes.LongType, false)
        .add("prediction", DataTypes.IntegerType, false)
        .add("output", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    return spark.createDataFrame(rows, schema);
  }
}
