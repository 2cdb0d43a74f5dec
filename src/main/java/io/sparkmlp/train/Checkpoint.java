package io.sparkmlp.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.Storage;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A resumable checkpoint: a model directory (weights and optimizer state) plus
 * {@code training.json} with the epochs completed, their logs, the seed and the partition count,
 * all written in one atomic step. Resuming with the same seed and partitioning continues exactly
 * where the interrupted run stopped, and its history starts with the epochs before.
 */
public final class Checkpoint {
  public static final String TRAINING_STATE = "training.json";

  /**
   * What training.json holds; the mapper names the components in snake_case.
   *
   * @param syncEvery the local steps per synchronisation that {@code sync_every: auto} chose,
   *     so that a resumed run goes on with them instead of measuring again; null for every
   *     other setting (and in checkpoints written before it was kept)
   * @param history the logs of epochs 0 .. epochsCompleted-1, in order; empty where they were
   *     not kept (checkpoints written before they were)
   */
  public record State(int epochsCompleted, long seed, int numPartitions, long rows,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer syncEvery,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY)
                      List<Map<String, Double>> history) {
    public State {
      history = history == null ? List.of() : List.copyOf(history);
    }

    public State(int epochsCompleted, long seed, int numPartitions, long rows) {
      this(epochsCompleted, seed, numPartitions, rows, null, null);
    }
  }

  /** training.json as read: every field but sync_every and history must be there. */
  private record Read(Integer epochsCompleted, Long seed, Integer numPartitions, Long rows,
                      Integer syncEvery, List<Map<String, Double>> history) {}

  private Checkpoint() {}

  public static void write(Path dir, Trainable model, State state) {
    write(Location.of(dir), model, state);
  }

  /** Writes the checkpoint to dir, a local path or a Hadoop URI, in one atomic step. */
  public static void write(Location dir, Trainable model, State state) {
    try {
      model.save(dir, Map.of(TRAINING_STATE, Json.json().writeValueAsBytes(state)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when dir holds a checkpoint. */
  public static boolean exists(Path dir) {
    return dir != null && exists(Location.of(dir));
  }

  /** True when dir, a local path or a Hadoop URI, holds a checkpoint. */
  public static boolean exists(Location dir) {
    if (dir == null) {
      return false;
    }
    Location file = dir.resolve(TRAINING_STATE);
    try {
      return Storage.exists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + file + ": " + e.getMessage(), e);
    }
  }

  /** The training state of the checkpoint in dir. */
  public static State readState(Path dir) {
    return readState(Location.of(dir));
  }

  /** The training state of the checkpoint in dir, a local path or a Hadoop URI. */
  public static State readState(Location dir) {
    Location file = dir.resolve(TRAINING_STATE);
    try {
      Read r = Json.json().readValue(Storage.readString(file), Read.class);
      if (r.epochsCompleted() == null || r.seed() == null || r.numPartitions() == null
          || r.rows() == null) {
        throw new IllegalArgumentException(file + ": epochs_completed, seed, num_partitions and "
            + "rows are all required, got " + r);
      }
      return new State(r.epochsCompleted(), r.seed(), r.numPartitions(), r.rows(),
          r.syncEvery(), r.history());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the checkpoint state: "
          + e.getMessage(), e);
    }
  }
}
