package io.sparkmlp.cli;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.TaskErrors;
import io.sparkmlp.spark.source.DataLoader;
import io.sparkmlp.spark.source.Preprocessor;
import io.sparkmlp.train.Evaluator;
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
 * class and the output values of every row, computed on the executors, written as ONE file
 * that pandas and NumPy read: .parquet keeps the outputs as an array column, .csv (with a
 * header) as one column per output, .npy as an (N, outputs) float32 matrix. Rows are numbered
 * from 0 in the order the data is read (partition by partition), in a column {@code row};
 * {@code --id-column} carries a column of csv or parquet input through to the output, first.
 * An existing output is replaced only with {@code --overwrite}; the file gets mode 0644.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Write a model's predictions for every row of the data to one file.")
final class PredictCommand implements Callable<Integer> {
  private static final List<String> EXTENSIONS = List.of("parquet", "csv", "npy");

  @Mixin
  ModelOption model;

  @ArgGroup(exclusive = false, multiplicity = "1")
  DataOptions data;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "where to write: a path or Hadoop URI ending in .parquet, .csv or .npy")
  String output;

  @Option(names = "--id-column", paramLabel = "NAME",
      description = "a column of the csv or parquet input to copy to the output, e.g. a "
          + "customer id (npy and idx rows are identified by their row number)")
  String idColumn;

  @Option(names = "--overwrite", description = "replace an existing output file")
  boolean overwrite;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master")
  String master;

  @Override
  public Integer call() throws Exception {
    String ext = output.substring(output.lastIndexOf('.') + 1);
    if (!EXTENSIONS.contains(ext)) {
      throw new IllegalArgumentException("--output " + output + ": the name must end in "
          + ".parquet, .csv or .npy");
    }
    if (idColumn != null && ext.equals("npy")) {
      throw new IllegalArgumentException("--id-column needs a .csv or .parquet output; a .npy "
          + "output holds only the outputs, its row i is input row i");
    }
    if (idColumn != null && List.of("row", "prediction", "output", KeyedRows.KEY)
        .contains(idColumn)) {
      throw new IllegalArgumentException("--id-column " + idColumn + ": the output has a "
          + "column of that name already; rename the column in the input");
    }
    Sequential m = model.load();
    // The label slot holds nothing to encode in prediction (or the row keys): features only.
    Preprocessor pre = Preprocessor.load(model.model).featuresOnly();
    try (Sessions session = Sessions.open(master, null, "sparkmlp-predict")) {
      SparkSession spark = session.spark();
      OutputFile file = OutputFile.open(output, spark.sparkContext().hadoopConfiguration(),
          overwrite, "--output");
      KeyedRows keyed = idColumn == null ? null : KeyedRows.read(spark, data, idColumn);
      JavaRDD<Block> raw = keyed != null ? keyed.blocks
          : DataLoader.blocks(spark, data.source(false), data.partitions);
      // Read once: one job counts the rows of each partition, the next predicts them.
      JavaRDD<Block> blocks = pre.apply(raw).persist(StorageLevel.MEMORY_AND_DISK());
      try {
        Dataset<Row> preds = predictions(spark, blocks, m, keyed != null);
        if (keyed != null) {
          preds = preds.join(keyed.ids, KeyedRows.KEY).select(KeyedRows.quoted(idColumn),
              functions.col("row"), functions.col("prediction"), functions.col("output"));
        }
        write(file, ext, preds.orderBy("row"), m.network().outputDim());
      } finally {
        blocks.unpersist(false);
      }
      System.out.println("wrote predictions to " + file.uri());
      return ExitCode.OK;
    }
  }

  private static void write(OutputFile file, String ext, Dataset<Row> preds, int outputs) {
    switch (ext) {
      case "parquet" -> TaskErrors.rethrowBadInput(() -> {
        Dataset<Row> kept = preds.drop("partition");
        file.writeFromSpark(dir -> kept.coalesce(1).write().parquet(dir), ".parquet");
        return null;
      });
      case "csv" -> {
        List<Column> cols = new ArrayList<>();
        for (String c : preds.columns()) {
          if (!c.equals("output") && !c.equals("partition")) {
            cols.add(KeyedRows.quoted(c));
          }
        }
        for (int j = 0; j < outputs; j++) {
          cols.add(functions.col("output").getItem(j).as("output_" + j));
        }
        Dataset<Row> table = preds.select(cols.toArray(new Column[0]));
        TaskErrors.rethrowBadInput(() -> {
          file.writeFromSpark(dir -> table.coalesce(1).write().option("header", "true")
              .csv(dir), ".csv");
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
        file.write(out -> Npy.write(out, new Matrix(v, rows.size(), outputs)));
      }
    }
  }

  /**
   * (partition, row, prediction, output[]) for every row of the blocks, row numbering them all
   * from 0 in partition order. Runs one job to count each partition's rows: persist the blocks.
   * When keyed, the labels hold {@link KeyedRows} keys, given in one more column,
   * {@link KeyedRows#KEY}.
   */
  static Dataset<Row> predictions(SparkSession spark, JavaRDD<Block> blocks, Sequential m,
                                  boolean keyed) {
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
          out.add(keyed
              ? RowFactory.create(b.partition(), next++, cls, o, KeyedRows.key(b.y(),
                  r * b.yCols()))
              : RowFactory.create(b.partition(), next++, cls, o));
        }
      }
      return out.iterator();
    }, true);
    StructType schema = new StructType()
        .add("partition", DataTypes.IntegerType, false)
        .add("row", DataTypes.LongType, false)
        .add("prediction", DataTypes.IntegerType, false)
        .add("output", DataTypes.createArrayType(DataTypes.FloatType, false), false);
    if (keyed) {
      schema = schema.add(KeyedRows.KEY, DataTypes.LongType, false);
    }
    return spark.createDataFrame(rows, schema);
  }
}
