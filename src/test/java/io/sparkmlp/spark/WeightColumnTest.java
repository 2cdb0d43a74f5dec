package io.sparkmlp.spark;

import static io.sparkmlp.spark.source.SourceAsserts.collect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;


import io.sparkmlp.spark.source.BlockSplit;
import io.sparkmlp.spark.source.DataFrameSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DataFrame's weight column, of any numeric type, lands in the blocks next to its row: when
 * the blocks are rebalanced onto another partition count and when a validation split is cut.
 * Features hold the row id, so each block row can be matched to the weight it must carry.
 */
class WeightColumnTest {
  private static final int ROWS = 23;

  private static final StructType SCHEMA = new StructType()
      .add("features", SQLDataTypes.VectorType())
      .add("label", DataTypes.DoubleType)
      .add("w_byte", DataTypes.ByteType)
      .add("w_short", DataTypes.ShortType)
      .add("w_int", DataTypes.IntegerType)
      .add("w_long", DataTypes.LongType)
      .add("w_float", DataTypes.FloatType)
      .add("w_double", DataTypes.DoubleType)
      .add("w_decimal", DataTypes.createDecimalType(6, 2));

  /** Row id's weight: small integers for the integer types, fractions for the others. */
  private static double weight(int id, String col) {
    return col.equals("w_float") || col.equals("w_double") || col.equals("w_decimal")
        ? id * 0.25 : id % 4;
  }

  private static Dataset<Row> frame(int inputPartitions) {
    List<Row> rows = new ArrayList<>();
    for (int id = 0; id < ROWS; id++) {
      rows.add(RowFactory.create(Vectors.dense(id, -id), (double) (id % 2),
          (byte) (id % 4), (short) (id % 4), id % 4, (long) (id % 4), id * 0.25f, id * 0.25,
          BigDecimal.valueOf(id * 0.25)));
    }
    return SparkTestSession.get().createDataFrame(rows, SCHEMA).repartition(inputPartitions);
  }

  @ParameterizedTest
  @CsvSource({"w_byte, 2", "w_short, 3", "w_int, 2", "w_long, 1", "w_float, 2", "w_double, 3",
      "w_decimal, 2"})
  void weightsTravelWithTheirRows(String col, int partitions) {
    Dataset<Row> df = frame(3);
    List<Block> blocks = collect(DataFrameSource.blocks(df, "features", "label", col,
        partitions), partitions);
    int rows = 0;
    for (Block b : blocks) {
      assertMatchesIds(b, col);
      rows += b.rows();
    }
    assertEquals(ROWS, rows);

    BlockSplit.Parts parts = BlockSplit.tail(DataFrameSource.blocks(df, "features", "label",
        col, partitions), 0.3);
    for (Block b : parts.train().collect()) {
      assertMatchesIds(b, col);
    }
    for (Block b : parts.validation().collect()) {
      assertMatchesIds(b, col);
    }
  }

  @ParameterizedTest
  @CsvSource({"1", "2"})
  void noWeightColumnGivesUnweightedBlocks(int partitions) {
    for (Block b : DataFrameSource.blocks(frame(3), "features", "label", null, partitions)
        .collect()) {
      assertNull(b.w());
      assertEquals(b.rows(), b.weightSum());
    }
  }

  private static void assertMatchesIds(Block b, String col) {
    assertNotNull(b.w(), "a weighted block");
    assertEquals(b.rows(), b.w().length);
    for (int r = 0; r < b.rows(); r++) {
      int id = (int) b.x()[r * 2];
      assertEquals((float) weight(id, col), b.w()[r], "weight of row id " + id);
    }
  }
}
