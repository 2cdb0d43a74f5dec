package io.sparkmlp.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The {@code spark} section: how the Spark session is set up. How the cluster trains is the
 * {@code distributed} section's.
 */
@JsonClassDescription("The Spark session. Settings given to spark-submit win over these.")
public record SparkConfig(
    @JsonPropertyDescription("the cluster, e.g. local[*] or spark://host:7077; unset, "
        + "spark-submit's --master")
    String master,
    @JsonPropertyDescription("the application name in the Spark UI")
    String appName) {
  public static final String DEFAULT_APP_NAME = "sparkmlp";

  public SparkConfig {
    appName = appName == null ? DEFAULT_APP_NAME : appName;
  }
}
