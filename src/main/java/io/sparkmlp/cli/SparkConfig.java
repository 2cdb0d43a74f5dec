package io.sparkmlp.cli;

/** The {@code spark} section: how the Spark session is set up. */
@Section(doc = "The Spark session. Settings given to spark-submit win over these.")
public record SparkConfig(
    @Key(name = "master", defaultValue = Key.UNSET, derivedDefault = "spark-submit's",
        doc = "the cluster, e.g. local[*] or spark://host:7077; spark-submit's --master wins "
            + "when given")
    String master,
    @Key(name = "tree_depth", defaultValue = "0", range = ">= 0",
        doc = "depth of the gradient treeAggregate; 0 chooses it from the partition count")
    int treeDepth,
    @Key(name = "app_name", defaultValue = "sparkmlp",
        doc = "the application name in the Spark UI")
    String appName) {
}
