package io.sparkmlp.ml;

import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Workspace;
import io.sparkmlp.spark.source.VectorRows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A model's transform on one partition: rows are read in batches of {@link #BATCH}, their
 * features copied into one dense block and passed forward together (a GEMM per layer rather
 * than a matrix-vector product per row), and each row comes out with the model's columns
 * appended. Rows stream through: at most one batch is held.
 */
final class PartitionPredictor implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  static final int BATCH = 256;

  private final String stage;
  private final Network net;
  private final Broadcast<float[]> params;
  private final int featuresIndex;
  private final String featuresCol;
  private final ModelOutputs outputs;

  PartitionPredictor(String stage, Network net, Broadcast<float[]> params, int featuresIndex,
                     String featuresCol, ModelOutputs outputs) {
    this.stage = stage;
    this.net = net;
    this.params = params;
    this.featuresIndex = featuresIndex;
    this.featuresCol = featuresCol;
    this.outputs = outputs;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    int d = net.inputDim();
    int k = net.outputDim();
    Workspace ws = net.newWorkspace(BATCH);
    float[] x = new float[BATCH * d];
    float[] w = params.value();
    List<Row> batch = new ArrayList<>(BATCH);
    return new Iterator<>() {
      private final List<Row> ready = new ArrayList<>(BATCH);
      private int next;

      @Override
      public boolean hasNext() {
        if (next < ready.size()) {
          return true;
        }
        fill();
        return next < ready.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.get(next++);
      }

      private void fill() {
        ready.clear();
        next = 0;
        batch.clear();
        while (batch.size() < BATCH && input.hasNext()) {
          Row row = input.next();
          copyFeatures(row, x, batch.size() * d, d);
          batch.add(row);
        }
        if (batch.isEmpty()) {
          return;
        }
        float[] out = net.forward(x, 0, batch.size(), w, ws, false, 0L);
        float[] logits = net.outputLogits(ws);
        for (int r = 0; r < batch.size(); r++) {
          Row row = batch.get(r);
          Object[] values = new Object[row.size() + outputs.count()];
          for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
          }
          outputs.write(out, logits, r, k, values, row.size());
          ready.add(RowFactory.create(values));
        }
      }
    };
  }

  /** The row's features as d floats at dst[off], or a one-line error naming the column. */
  private void copyFeatures(Row row, float[] dst, int off, int d) {
    if (row.isNullAt(featuresIndex)) {
      throw new IllegalArgumentException(String.format("%s: features column '%s' is null in "
          + "a row to transform", stage, featuresCol));
    }
    Object v = row.get(featuresIndex);
    if (v instanceof Vector vec) {
      checkWidth(vec.size(), d);
      VectorRows.copy(vec, dst, off);
      return;
    }
    List<Object> values = row.getList(featuresIndex);
    checkWidth(values.size(), d);
    for (int i = 0; i < d; i++) {
      Object e = values.get(i);
      if (e == null) {
        throw new IllegalArgumentException(String.format("%s: features column '%s' has a "
            + "null element at index %d in a row to transform", stage, featuresCol, i));
      }
      dst[off + i] = ((Number) e).floatValue();
    }
  }

  private void checkWidth(int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(String.format("%s: features column '%s' has %d "
          + "values in a row to transform, expected %d (layers[0])", stage, featuresCol, actual,
          expected));
    }
  }
}
