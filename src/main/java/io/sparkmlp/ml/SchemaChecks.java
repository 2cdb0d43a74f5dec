package io.sparkmlp.ml;

import java.util.Arrays;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.BinaryAttribute;
import org.apache.spark.ml.attribute.NominalAttribute;
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
 * give another width than the model's, a label that does not fit the output layer, an output
 * column that already exists.
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

  /**
   * A class-index label whose ML attributes (StringIndexer's, for one) give its number of
   * classes must have as many as the network has outputs.
   */
  static void classCount(String stage, StructType schema, String col, int outputs) {
    Attribute attr = Attribute.fromStructField(schema.apply(col));
    int classes = -1;
    if (attr instanceof NominalAttribute nominal && nominal.getNumValues().isDefined()) {
      classes = (Integer) nominal.getNumValues().get();
    } else if (attr instanceof BinaryAttribute) {
      classes = 2;
    }
    if (classes >= 0 && classes != outputs) {
      throw new IllegalArgumentException(String.format("%s: label column '%s' has %d classes "
          + "(from its ML attributes) but layers ends with %d outputs; set layers[last] to "
          + "the number of classes", stage, col, classes, outputs));
    }
  }

  /**
   * A regression label's width must match the outputs: one number per row for one output, a
   * Vector or array (of the outputs' width, where its ML attributes tell) for several.
   */
  static void targetWidth(String stage, StructType schema, String col, int outputs) {
    DataType t = schema.apply(col).dataType();
    if (t instanceof NumericType && outputs != 1) {
      throw new IllegalArgumentException(String.format("%s: label column '%s' holds one "
          + "number per row but layers ends with %d outputs; give a Vector or array label of "
          + "%d values, or end layers with 1", stage, col, outputs, outputs));
    }
    if (t.equals(SQLDataTypes.VectorType())) {
      int size = AttributeGroup.fromStructField(schema.apply(col)).size();
      if (size >= 0 && size != outputs) {
        throw new IllegalArgumentException(String.format("%s: label column '%s' holds "
            + "vectors of %d values (from its ML attributes) but layers ends with %d outputs",
            stage, col, size, outputs));
      }
    }
  }

  /**
   * The schema with one more column, which must not exist yet; nullable, as MLlib's
   * SchemaUtils.appendColumn makes every output column.
   */
  static StructType append(String stage, StructType schema, String col, DataType type,
                           Metadata metadata) {
    if (Arrays.asList(schema.fieldNames()).contains(col)) {
      throw new IllegalArgumentException(String.format("%s: output column '%s' already "
          + "exists; set another name or drop it", stage, col));
    }
    return schema.add(new StructField(col, type, true, metadata));
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
