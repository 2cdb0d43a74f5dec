/**
 * How a training run reports itself, as Keras's {@code fit(verbose=1)} and its logs do: the
 * progress bar ({@link io.sparkmlp.report.ProgressBar}), the per-epoch record as
 * {@code history.csv} and {@code metrics.jsonl} ({@link io.sparkmlp.report.RunReport}), the loss
 * and metric curves as {@code training.png} ({@link io.sparkmlp.report.TrainingPlot}) and a
 * table of final metrics ({@link io.sparkmlp.report.MetricsTable}). It reads the model's
 * {@code History} and callbacks and knows nothing of Spark or the command line.
 */
package io.sparkmlp.report;
