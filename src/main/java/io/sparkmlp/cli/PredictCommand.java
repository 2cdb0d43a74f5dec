package io.sparkmlp.cli;

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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparkmlp predict --model DIR --format F --data ... --output preds.parquet}: the
 * class and the output values of every row, computed on the executors. Rows are numbered in
 * the order the data is read (partition by partition); .parquet keeps the outputs as an array
 * column, .csv as one column per output, .npy as an (N, outputs) float32 matrix.
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
      JavaRDD<Block> blocks = pre.apply(DataLoader.blocks(spark, data.dataFormat(),
          data.source(false), data.partitions));
      Dataset<Row> preds = predictions(spark, blocks, m).orderBy("partition", "row");
      int outputs = m.network().outputDim();
      switch (ext) {
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
      System.out.println("wrote predictions to " + output);
      return ExitCode.OK;
    }
  }

  /** (partition, row, prediction, output[]) for every row of the blocks. */
  static Dataset<Row> predictions(SparkSession spark, JavaRDD<Block> blocks, Sequential m) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Network net = m.network();
    Broadcast<float[]> params = jsc.broadcast(m.params());
    JavaRDD<Row> rows = blocks.flatMap(b -> {
      List<Row> out = new ArrayList<>(b.rows());
      if (b.rows() == 0) {
        return out.iterator();
      }
      Matrix p = new Evaluator(net, List.<Metric>of(), Math.min(512, b.rows()))
          .predict(new Matrix(b.x(), b.rows(), b.xCols()), params.value());
      for (int r = 0; r < b.rows(); r++) {
        float[] o = new float[p.cols()];
        System.arraycopy(p.values(), r * p.cols(), o, 0, o.length);
        int cls = o.length == 1 ? (o[0] > 0.5f ? 1 : 0) : Metric.argmax(o, 0, o.length);
        out.add(RowFactory.create(b.partition(), (long) r, cls, o));
      }
      return out.iterator();
    });
    StructType schema = new StructType()
        .add("partition", DataTypes.IntegerType, false)
        .add("row", DataTypes.LongType, false)
        .add("prediction", DataTypes.IntegerType, false)
        .add("output", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    return spark.createDataFrame(rows, schema);
  }
}
