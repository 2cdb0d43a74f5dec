package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.spark.DistributedOptions;

/** The {@code spark} section: how the Spark session is set up. */
@JsonClassDescription("The Spark session. Settings given to spark-submit win over these.")
public record SparkConfig(
    @JsonPropertyDescription("the cluster, e.g. local[*] or spark://host:7077; unset, "
        + "spark-submit's --master")
    String master,
    @JsonPropertyDescription("how partition sums reach the driver (>= 0): 1 straight from the "
        + "tasks, 2 or more through a treeAggregate of that depth; 0 chooses from the partition "
        + "count (1 up to 64 partitions)")
    Integer treeDepth,
    @JsonPropertyDescription("the application name in the Spark UI")
    String appName) {
  public static final int DEFAULT_TREE_DEPTH = DistributedOptions.DEFAULT_TREE_DEPTH;
  public static final String DEFAULT_APP_NAME = "sparkmlp";

  public SparkConfig {
    treeDepth = DistributedOptions.builder().treeDepth(treeDepth == null ? DEFAULT_TREE_DEPTH
        : treeDepth).build().treeDepth();
    appName = appName == null ? DEFAULT_APP_NAME : appName;
  }
}
