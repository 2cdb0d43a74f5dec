package io.sparkmlp.spark.source;

import io.sparkmlp.nn.SampleWeights;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.UserDefinedType;

/**
 * A features, label or weight column of a DataFrame, checked against the schema before any job
 * runs, and read from Spark's internal rows straight into float arrays: array columns element by
 * element from their ArrayData (no boxing), Vector columns through the UDT's deserialized
 * Vector (sparse ones densified). Errors name the column, and the row by its index within its
 * input partition.
 */
final class FrameColumn implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String VECTOR = "Vector (org.apache.spark.ml.linalg)";
  @SuppressWarnings("unchecked")
  private static final UserDefinedType<Vector> VECTOR_UDT =
      (UserDefinedType<Vector>) SQLDataTypes.VectorType();
  /** Fields of the struct that stores a Vector (its sqlType makes a new struct per call). */
  private static final int VECTOR_FIELDS = ((StructType) VECTOR_UDT.sqlType()).size();

  private enum Kind { VECTOR, FLOAT_ARRAY, DOUBLE_ARRAY, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE,
    DECIMAL }

  private final String name;
  private final String role;
  private final Kind kind;
  private final boolean containsNull;
  private final int precision;
  private final int scale;

  private FrameColumn(String name, String role, Kind kind, boolean containsNull, int precision,
                      int scale) {
    this.name = name;
    this.role = role;
    this.kind = kind;
    this.containsNull = containsNull;
    this.precision = precision;
    this.scale = scale;
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
      return new FrameColumn(name, role, Kind.VECTOR, false, 0, 0);
    }
    if (t instanceof ArrayType a && (a.elementType().equals(DataTypes.FloatType)
        || a.elementType().equals(DataTypes.DoubleType))) {
      Kind k = a.elementType().equals(DataTypes.FloatType) ? Kind.FLOAT_ARRAY
          : Kind.DOUBLE_ARRAY;
      return new FrameColumn(name, role, k, a.containsNull(), 0, 0);
    }
    if (scalarAllowed) {
      Kind k = scalarKind(t);
      if (k != null) {
        DecimalType d = t instanceof DecimalType dt ? dt : null;
        return new FrameColumn(name, role, k, false, d == null ? 0 : d.precision(),
            d == null ? 0 : d.scale());
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
    DecimalType d = t instanceof DecimalType dt ? dt : null;
    return new FrameColumn(name, "weight", k, false, d == null ? 0 : d.precision(),
        d == null ? 0 : d.scale());
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
  void copy(InternalRow row, int ord, float[] dst, int off, int width, int r, int p) {
    if (row.isNullAt(ord)) {
      throw new IllegalArgumentException(String.format("%s column '%s' is null in row %s of "
          + "input partition %s", role, name, r, p));
    }
    switch (kind) {
      case VECTOR -> {
        Vector v = VECTOR_UDT.deserialize(row.getStruct(ord, VECTOR_FIELDS));
        checkWidth(v.size(), width, r, p);
        VectorRows.copy(v, dst, off);
      }
      case FLOAT_ARRAY, DOUBLE_ARRAY -> {
        ArrayData a = row.getArray(ord);
        checkWidth(a.numElements(), width, r, p);
        if (containsNull) {
          for (int k = 0; k < width; k++) {
            if (a.isNullAt(k)) {
              throw new IllegalArgumentException(String.format("%s column '%s' has a null "
                  + "element at index %s in row %s of input partition %s", role, name, k, r, p));
            }
          }
        }
        if (kind == Kind.FLOAT_ARRAY) {
          for (int k = 0; k < width; k++) {
            dst[off + k] = a.getFloat(k);
          }
        } else {
          for (int k = 0; k < width; k++) {
            dst[off + k] = (float) a.getDouble(k);
          }
        }
      }
      case BYTE -> dst[off] = row.getByte(ord);
      case SHORT -> dst[off] = row.getShort(ord);
      case INT -> dst[off] = row.getInt(ord);
      case LONG -> dst[off] = row.getLong(ord);
      case FLOAT -> dst[off] = row.getFloat(ord);
      case DOUBLE -> dst[off] = (float) row.getDouble(ord);
      case DECIMAL -> dst[off] = (float) row.getDecimal(ord, precision, scale).toDouble();
      default -> throw new AssertionError(kind);
    }
  }

  /**
   * Writes the weight at ordinal ord of row into dst[off], or fails naming row r of input
   * partition p when it is null, negative, NaN or infinite (after narrowing to float).
   */
  void copyWeight(InternalRow row, int ord, float[] dst, int off, int r, int p) {
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
