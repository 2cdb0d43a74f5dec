package io.sparkmlp.cli;

/** The {@code output} section: where the run writes its results. */
@Section(doc = "Where the run writes the model directory, history.csv, metrics.jsonl, "
    + "config.yaml (this configuration, resolved) and training.png.")
public record OutputConfig(
    @Key(name = "dir",
        doc = "the output directory")
    String dir,
    @Key(name = "overwrite", defaultValue = "false",
        doc = "whether a run may replace the results already in dir")
    boolean overwrite) {
}
