package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.lines;
import static io.sparkmlp.cli.CliTestSupport.spark;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.cli.CliTestSupport.Result;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.model.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code predict} writes: one file per format (a CSV with a header, a single parquet
 * file, a .npy), mode 0644, the outputs of the model row by row, an {@code --id-column} of csv
 * or parquet input carried through whatever the partitioning, and no silent replacement.
 */
class PredictOutputsTest {
  private static final int ROWS = 50;
  private static final int OUTPUTS = 4;
  private static final double TOLERANCE = 1e-5;

  @TempDir
  Path dir;

  @Test
  void eachFormatIsOneFileOfTheModelsOutputs() throws IOException {
    Sequential m = TestModels.classifier(21);
    Path model = dir.resolve("model");
    m.save(model);
    Matrix x = TestModels.pixels(ROWS, 8);
    Path xFile = dir.resolve("x.npy");
    Npy.write(xFile, x);
    Matrix expected = m.predict(x);
    int[] classes = m.predictClasses(x);
    for (String ext : List.of("csv", "parquet", "npy")) {
      Path out = dir.resolve("preds." + ext);
      cliExpect(0, "predict", "--model", model.toString(), "--format", "npy",
          "--data", xFile.toString(), "--output", out.toString(), "--partitions", "3");
      assertTrue(Files.isRegularFile(out), out + " is not one file");
      assertEquals("rw-r--r--", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(out)), out::toString);
    }
    assertNoHiddenFiles();

    List<String> csv = lines(dir.resolve("preds.csv"));
    assertEquals("row,prediction,output_0,output_1,output_2,output_3", csv.get(0));
    assertEquals(ROWS + 1, csv.size());
    for (int r = 0; r < ROWS; r++) {
      String[] f = csv.get(r + 1).split(",");
      assertEquals(String.valueOf(r), f[0]);
      assertEquals(classes[r], Integer.parseInt(f[1]), "row " + r);
      for (int j = 0; j < OUTPUTS; j++) {
        assertEquals(expected.get(r, j), Float.parseFloat(f[2 + j]), TOLERANCE);
      }
    }

    byte[] parquet = Files.readAllBytes(dir.resolve("preds.parquet"));
    assertEquals("PAR1", new String(parquet, 0, 4, StandardCharsets.US_ASCII));
    assertEquals("PAR1", new String(parquet, parquet.length - 4, 4, StandardCharsets.US_ASCII));
    List<Row> rows = spark().read().parquet(dir.resolve("preds.parquet").toString())
        .collectAsList();
    assertEquals(List.of("row", "prediction", "output"),
        List.of(rows.get(0).schema().fieldNames()));
    assertEquals(ROWS, rows.size());
    for (int r = 0; r < ROWS; r++) {
      assertEquals(r, rows.get(r).getLong(0), "parquet rows in input order");
      assertOutputs(expected, r, rows.get(r).getList(2));
    }

    Matrix npy = Npy.read(dir.resolve("preds.npy"));
    assertEquals(ROWS, npy.rows());
    for (int i = 0; i < npy.values().length; i++) {
      assertEquals(expected.values()[i], npy.values()[i], TOLERANCE);
    }
  }

  @Test
  void refusesToReplaceAnOutputWithoutOverwrite() throws IOException {
    Sequential m = TestModels.binary(2);
    Path model = dir.resolve("model");
    m.save(model);
    Path xFile = dir.resolve("x.npy");
    Npy.write(xFile, TestModels.pixels(ROWS, 3));
    Path csv = Files.writeString(dir.resolve("preds.csv"), "precious\n");
    Result r = cliExpect(2, "predict", "--model", model.toString(), "--format", "npy",
        "--data", xFile.toString(), "--output", csv.toString());
    assertEquals(List.of("sparkmlp: --output " + csv + " already exists; pass --overwrite to "
        + "replace it"), r.errLines());
    assertEquals("precious\n", Files.readString(csv));
    cliExpect(0, "predict", "--model", model.toString(), "--format", "npy",
        "--data", xFile.toString(), "--output", csv.toString(), "--overwrite");
    assertEquals("row,prediction,output_0", lines(csv).get(0));
    // A directory of part files, as older versions wrote, is replaced by one file.
    Path parquet = dir.resolve("preds.parquet");
    Files.createDirectories(parquet);
    Files.writeString(parquet.resolve("part-00000.parquet"), "old");
    cliExpect(2, "predict", "--model", model.toString(), "--format", "npy",
        "--data", xFile.toString(), "--output", parquet.toString());
    cliExpect(0, "predict", "--model", model.toString(), "--format", "npy",
        "--data", xFile.toString(), "--output", parquet.toString(), "--overwrite");
    assertTrue(Files.isRegularFile(parquet));
    assertEquals(ROWS, spark().read().parquet(parquet.toString()).count());
    assertNoHiddenFiles();
  }

  @Test
  void idColumnOfCsvAndParquetInputIsCarriedToTheOutput() throws IOException {
    Sequential m = TestModels.classifier(5);
    Path model = dir.resolve("model");
    m.save(model);
    Matrix x = TestModels.pixels(ROWS, 9);
    Matrix expected = m.predict(x);

    // CSV: a string id first, the features, a label column that is not a feature.
    StringBuilder sb = new StringBuilder("id");
    for (int c = 0; c < TestModels.FEATURES; c++) {
      sb.append(",f").append(c);
    }
    sb.append(",label\n");
    for (int r = 0; r < ROWS; r++) {
      sb.append("id-").append(r);
      for (int c = 0; c < TestModels.FEATURES; c++) {
        sb.append(',').append((int) x.get(r, c));
      }
      sb.append(",0\n");
    }
    Path csvIn = Files.writeString(dir.resolve("in.csv"), sb.toString());
    Path csvOut = dir.resolve("preds.csv");
    cliExpect(0, "predict", "--model", model.toString(), "--format", "csv",
        "--data", csvIn.toString(), "--output", csvOut.toString(), "--id-column", "id",
        "--partitions", "3");
    List<String> csv = lines(csvOut);
    assertEquals("id,row,prediction,output_0,output_1,output_2,output_3", csv.get(0));
    boolean[] seen = new boolean[ROWS];
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      int r = Integer.parseInt(f[0].substring("id-".length()));
      assertTrue(!seen[r], "id " + f[0] + " twice");
      seen[r] = true;
      for (int j = 0; j < OUTPUTS; j++) {
        assertEquals(expected.get(r, j), Float.parseFloat(f[3 + j]), TOLERANCE, line);
      }
    }
    assertEquals(ROWS, csv.size() - 1);

    // Parquet: a long id after an array<double> features column, in three input files.
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      double[] f = new double[TestModels.FEATURES];
      for (int c = 0; c < f.length; c++) {
        f[c] = x.get(r, c);
      }
      rows.add(RowFactory.create(f, 1_000_000_000_000L + r));
    }
    StructType schema = new StructType()
        .add("features", DataTypes.createArrayType(DataTypes.DoubleType), false)
        .add("customer", DataTypes.LongType, false);
    Path parquetIn = dir.resolve("in.parquet");
    spark().createDataFrame(rows, schema).repartition(3).write()
        .parquet(parquetIn.toString());
    Path parquetOut = dir.resolve("preds.parquet");
    cliExpect(0, "predict", "--model", model.toString(), "--format", "parquet",
        "--data", parquetIn.toString(), "--output", parquetOut.toString(),
        "--id-column", "customer", "--partitions", "2");
    List<Row> got = spark().read().parquet(parquetOut.toString()).collectAsList();
    assertEquals(List.of("customer", "row", "prediction", "output"),
        List.of(got.get(0).schema().fieldNames()));
    assertEquals(ROWS, got.size());
    long[] ids = got.stream().mapToLong(row -> row.getLong(0)).sorted().toArray();
    long[] all = new long[ROWS];
    Arrays.setAll(all, r -> 1_000_000_000_000L + r);
    assertArrayEquals(all, ids);
    for (Row row : got) {
      assertOutputs(expected, (int) (row.getLong(0) - 1_000_000_000_000L), row.getList(3));
    }
  }

  @Test
  void idColumnMistakesAreOneLineErrors() throws IOException {
    Path model = dir.resolve("model");
    TestModels.binary(6).save(model);
    Path csvIn = Files.writeString(dir.resolve("in.csv"),
        "a,b,c,d,e,f,label\n1,2,3,4,5,6,0\n");
    Result missing = cliExpect(2, "predict", "--model", model.toString(), "--format", "csv",
        "--data", csvIn.toString(), "--output", dir.resolve("p.csv").toString(),
        "--id-column", "id");
    assertEquals(List.of("sparkmlp: --id-column id: " + csvIn + " has no such column; it has "
        + "a, b, c, d, e, f, label"), missing.errLines());
    Path xFile = dir.resolve("x.npy");
    Npy.write(xFile, TestModels.pixels(3, 1));
    Result npyIn = cliExpect(2, "predict", "--model", model.toString(), "--format", "npy",
        "--data", xFile.toString(), "--output", dir.resolve("p.csv").toString(),
        "--id-column", "id");
    assertEquals(1, npyIn.errLines().size(), npyIn::toString);
    assertTrue(npyIn.err().contains("the row number is their id"), npyIn::toString);
    Result npyOut = cliExpect(2, "predict", "--model", model.toString(), "--format", "csv",
        "--data", csvIn.toString(), "--output", dir.resolve("p.npy").toString(),
        "--id-column", "a");
    assertEquals(1, npyOut.errLines().size(), npyOut::toString);
    assertTrue(npyOut.err().contains("needs a .csv or .parquet output"), npyOut::toString);
    Result clash = cliExpect(2, "predict", "--model", model.toString(), "--format", "csv",
        "--data", csvIn.toString(), "--output", dir.resolve("p.csv").toString(),
        "--id-column", "row");
    assertEquals(1, clash.errLines().size(), clash::toString);
    assertTrue(clash.err().contains("the output has a column of that name"), clash::toString);
  }

  private static void assertOutputs(Matrix expected, int r, List<Float> got) {
    assertEquals(OUTPUTS, got.size());
    for (int j = 0; j < OUTPUTS; j++) {
      assertEquals(expected.get(r, j), got.get(j), TOLERANCE, "row " + r + " output " + j);
    }
  }

  private void assertNoHiddenFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> hidden = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".")).toList();
      assertEquals(List.of(), hidden, "temporary files left behind");
    }
  }
}
