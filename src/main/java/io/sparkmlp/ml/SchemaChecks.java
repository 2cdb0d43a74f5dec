package io.sparkmlp.ml;

import java.util.Arrays;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * transformSchema's checks, with one-line messages that name the stage, the column and what
 * was expected: a missing column, a column of the wrong type, a Vector whose ML attributes
 * give another width than the model's, an output column that already exists.
 */
final class SchemaChecks {
  private SchemaChecks() {}

  /** Features must be a Vector or an array of float or double, of width when known. */
  static void features(String stage, StructType schema, String col, int width) {
    DataType t = column(stage, schema, col, "features").dataType();
    if (t.equals(SQLDataTypes.VectorType())) {
      int size = AttributeGroup.fromStructField(schema.apply(col)).size();
      if (size >= 0 && size != width) {
        throw new IllegalArgumentException(String.format("%s: features column '%s' holds "
            + "vectors of %d values (from its ML attributes), expected %d (layers[0])", stage,
            col, size, width));
      }
      return;
    }
    if (!isRealArray(t)) {
      throw new IllegalArgumentException(String.format("%s: features column '%s' has type %s; "
          + "expected a Vector (org.apache.spark.ml.linalg), array<float> or array<double>",
          stage, col, t.simpleString()));
    }
  }

  /** A label or weight that must be one number per row. */
  static void numeric(String stage, StructType schema, String col, String role) {
    DataType t = column(stage, schema, col, role).dataType();
    if (!(t instanceof NumericType)) {
      throw new IllegalArgumentException(String.format("%s: %s column '%s' has type %s; "
          + "expected a number", stage, role, col, t.simpleString()));
    }
  }

  /** A regression label: one number, or a Vector or array for several outputs. */
  static void numericOrVector(String stage, StructType schema, String col, String role) {
    DataType t = column(stage, schema, col, role).dataType();
    if (!(t instanceof NumericType) && !t.equals(SQLDataTypes.VectorType()) && !isRealArray(t)) {
      throw new IllegalArgumentException(String.format("%s: %s column '%s' has type %s; "
          + "expected a number, a Vector or array<float|double> (several outputs)", stage,
          role, col, t.simpleString()));
    }
  }

  /** The schema with one more column, which must not exist yet. */
  static StructType append(String stage, StructType schema, String col, DataType type,
                           Metadata metadata) {
    if (Arrays.asList(schema.fieldNames()).contains(col)) {
      throw new IllegalArgumentException(String.format("%s: output column '%s' already "
          + "exists; set another name or drop it", stage, col));
    }
    return schema.add(new StructField(col, type, false, metadata));
  }

  private static StructField column(String stage, StructType schema, String col, String role) {
    if (!Arrays.asList(schema.fieldNames()).contains(col)) {
      throw new IllegalArgumentException(String.format("%s: %s column '%s' not found; the "
          + "DataFrame has columns: %s", stage, role, col, String.join(", ",
          schema.fieldNames())));
    }
    return schema.apply(col);
  }

  private static boolean isRealArray(DataType t) {
    return t instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
        || a.elementType().equals(DataTypes.DoubleType));
  }
}
