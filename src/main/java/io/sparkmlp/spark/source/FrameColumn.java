package io.sparkmlp.spark.source;

import io.sparkmlp.nn.SampleWeights;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;

/**
 * A features, label or weight column of a DataFrame, checked against the schema before any job
 * runs, and read from a DataFrame's rows (Spark's public {@link Row}) into float arrays: Vector
 * columns from their Vector (sparse ones densified), array columns element by element. Errors name the column, and the row by its index within its
 * input partition.
 */
final class FrameColumn implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String VECTOR = "Vector (org.apache.spark.ml.linalg)";

  private enum Kind { VECTOR, FLOAT_ARRAY, DOUBLE_ARRAY, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE,
    DECIMAL }

  private final String name;
  private final String role;
  private final Kind kind;

  private FrameColumn(String name, String role, Kind kind) {
    this.name = name;
    this.role = role;
    this.kind = kind;
  }

  /**
   * The column called name, which must be a Vector, array of float or double, or (when
   * scalarAllowed, for labels) a number.
   *
   * @param role "features" or "label", for messages
   */
  static FrameColumn of(StructType schema, String name, String role, boolean scalarAllowed) {
    DataType t = typeOf(schema, name, role);
    if (t.equals(SQLDataTypes.VectorType())) {
      return new FrameColumn(name, role, Kind.VECTOR);
    }
    if (t instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
        || a.elementType().equals(DataTypes.DoubleType))) {
      Kind k = a.elementType().equals(DataTypes.FloatType) ? Kind.FLOAT_ARRAY
          : Kind.DOUBLE_ARRAY;
      return new FrameColumn(name, role, k);
    }
    if (scalarAllowed) {
      Kind k = scalarKind(t);
      if (k != null) {
        return new FrameColumn(name, role, k);
      }
    }
    if (t instanceof UserDefinedType<?> u
        && u.userClass().getName().equals("org.apache.spark.mllib.linalg.Vector")) {
      throw new IllegalArgumentException(String.format("%s column '%s' holds the old "
          + "org.apache.spark.mllib.linalg.Vector; convert it with "
          + "MLUtils.convertVectorColumnsToML(df, \"%s\")", role, name, name));
    }
    throw new IllegalArgumentException(String.format("%s column '%s' has type %s; expected %s%s, "
        + "array<float> or array<double>", role, name, t.simpleString(),
        scalarAllowed ? "a number (class index or target), a " : "a ", VECTOR));
  }

  /** The weight column called name: any numeric type, one weight per row. */
  static FrameColumn weight(StructType schema, String name) {
    DataType t = typeOf(schema, name, "weight");
    Kind k = scalarKind(t);
    if (k == null) {
      throw new IllegalArgumentException(String.format("weight column '%s' has type %s; "
          + "expected a number (one weight per row, finite and >= 0)", name, t.simpleString()));
    }
    return new FrameColumn(name, "weight", k);
  }

  private static DataType typeOf(StructType schema, String name, String role) {
    if (name == null || !Arrays.asList(schema.fieldNames()).contains(name)) {
      throw new IllegalArgumentException(String.format("%s column '%s' not found; the "
          + "DataFrame has columns: %s", role, name, String.join(", ", schema.fieldNames())));
    }
    return schema.apply(name).dataType();
  }

  private static Kind scalarKind(DataType t) {
    if (t.equals(DataTypes.ByteType)) {
      return Kind.BYTE;
    } else if (t.equals(DataTypes.ShortType)) {
      return Kind.SHORT;
    } else if (t.equals(DataTypes.IntegerType)) {
      return Kind.INT;
    } else if (t.equals(DataTypes.LongType)) {
      return Kind.LONG;
    } else if (t.equals(DataTypes.FloatType)) {
      return Kind.FLOAT;
    } else if (t.equals(DataTypes.DoubleType)) {
      return Kind.DOUBLE;
    }
    return t instanceof DecimalType ? Kind.DECIMAL : null;
  }

  /** The width of the value at i of an external row (the DataFrame's first row). */
  int width(Row row, int i) {
    if (row.isNullAt(i)) {
      throw new IllegalArgumentException(String.format("%s column '%s' is null in the "
          + "DataFrame's first row", role, name));
    }
    int w = switch (kind) {
      case VECTOR -> ((Vector) row.get(i)).size();
      case FLOAT_ARRAY, DOUBLE_ARRAY -> row.getList(i).size();
      default -> 1;
    };
    if (w == 0) {
      throw new IllegalArgumentException(String.format("%s column '%s' has 0 values in the "
          + "DataFrame's first row; a row needs at least one", role, name));
    }
    return w;
  }

  /**
   * Writes the value at ordinal ord of row into dst[off, off + width), or fails naming row r of
   * input partition p when it is null, holds a null element or has another width.
   */
  void copy(Row row, int ord, float[] dst, int off, int width, int r, int p) {
    if (row.isNullAt(ord)) {
      throw new IllegalArgumentException(String.format("%s column '%s' is null in row %s of "
          + "input partition %s", role, name, r, p));
    }
    switch (kind) {
      case VECTOR -> {
        Vector v = (Vector) row.get(ord);
        checkWidth(v.size(), width, r, p);
        VectorRows.copy(v, dst, off);
      }
      case FLOAT_ARRAY, DOUBLE_ARRAY -> {
        // An external row holds an array as a Seq of boxed numbers (Spark's public Row API
        // has no primitive array getter): unboxed here one by one.
        List<Number> a = row.getList(ord);
        checkWidth(a.size(), width, r, p);
        for (int k = 0; k < width; k++) {
          Number e = a.get(k);
          if (e == null) {
            throw new IllegalArgumentException(String.format("%s column '%s' has a null "
                + "element at index %s in row %s of input partition %s", role, name, k, r, p));
          }
          dst[off + k] = e.floatValue();  // a Float as it is, a Double rounded once
        }
      }
      case BYTE -> dst[off] = row.getByte(ord);
      case SHORT -> dst[off] = row.getShort(ord);
      case INT -> dst[off] = row.getInt(ord);
      case LONG -> dst[off] = row.getLong(ord);
      case FLOAT -> dst[off] = row.getFloat(ord);
      case DOUBLE -> dst[off] = (float) row.getDouble(ord);
      case DECIMAL -> dst[off] = (float) row.getDecimal(ord).doubleValue();
      default -> throw new AssertionError(kind);
    }
  }

  /**
   * Writes the weight at ordinal ord of row into dst[off], or fails naming row r of input
   * partition p when it is null, negative, NaN or infinite (after narrowing to float).
   */
  void copyWeight(Row row, int ord, float[] dst, int off, int r, int p) {
    copy(row, ord, dst, off, 1, r, p);
    if (!SampleWeights.isValid(dst[off])) {
      throw new IllegalArgumentException(String.format("%s column '%s' is %s in row %s of input "
          + "partition %s; weights must be finite and >= 0", role, name, dst[off], r, p));
    }
  }

  private void checkWidth(int actual, int expected, int r, int p) {
    if (actual != expected) {
      throw new IllegalArgumentException(String.format("%s column '%s' has %s values in row %s "
          + "of input partition %s, expected %s (as the DataFrame's first row)", role, name,
          actual, r, p, expected));
    }
  }
}
