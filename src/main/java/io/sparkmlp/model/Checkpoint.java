package io.sparkmlp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resumable checkpoint: a model directory (weights and optimizer state) plus
 * {@code training.json} with the epochs completed, the seed and the partition count, all
 * written in one atomic step. Resuming with the same seed and partitioning continues exactly
 * where the interrupted run stopped.
 */
public final class Checkpoint {
  public static final String TRAINING_STATE = "training.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What training.json holds. */
  public record State(int epochsCompleted, long seed, int numPartitions, long rows) {}

  private Checkpoint() {}

  public static void write(Path dir, Sequential model, State state) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("epochs_completed", state.epochsCompleted());
    json.put("seed", state.seed());
    json.put("num_partitions", state.numPartitions());
    json.put("rows", state.rows());
    try {
      model.save(dir, Map.of(TRAINING_STATE, JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(json)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when dir holds a checkpoint. */
  public static boolean exists(Path dir) {
    return dir != null && Files.exists(dir.resolve(TRAINING_STATE));
  }

  /** The training state of the checkpoint in dir. */
  public static State readState(Path dir) {
    Path file = dir.resolve(TRAINING_STATE);
    try {
      JsonNode n = JSON.readTree(Files.readString(file));
      for (String key : new String[] {"epochs_completed", "seed", "num_partitions", "rows"}) {
        if (!n.hasNonNull(key) || !n.get(key).isIntegralNumber()) {
          throw new IllegalArgumentException(file + ": field '" + key + "' is missing or not an "
              + "integer");
        }
      }
      return new State(n.get("epochs_completed").asInt(), n.get("seed").asLong(),
          n.get("num_partitions").asInt(), n.get("rows").asLong());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read the checkpoint state: "
          + e.getMessage(), e);
    }
  }
}
