package io.sparkmlp.spark;

import io.sparkmlp.io.HadoopFiles;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.train.StepPlan;
import io.sparkmlp.train.StepStrategy;
import io.sparkmlp.train.Trainer;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data-parallel training of a compiled model on prepared blocks: the one training loop
 * ({@link Trainer}) over Spark's gradients ({@link SparkSource}). Each step broadcasts the flat
 * weights, every partition adds up the gradient of its slice of the global minibatch,
 * {@link PartialSums} sums them, and the driver turns the sum into the mean and applies the same
 * optimizer step as local training. With syncEvery k > 1, partitions instead take k local steps
 * and the driver averages their weight and optimizer-state changes, weighted by rows.
 *
 * <p>Keras's class weights (FitOptions.classWeight) multiply the training rows' weights, as in
 * local training; validation rows keep theirs.
 *
 * <p>Data with per-row sample weights trains on the weighted mean loss Σ w_i·loss_i / Σ w_i
 * of each minibatch (Spark ML's convention): every "divide by the row count" above divides by
 * the rows' total weight instead, and the reported losses and metrics are weighted means too.
 */
public final class DistributedTrainer {
  private final JavaSparkContext jsc;
  private final Sequential model;
  private final DistributedOptions options;

  public DistributedTrainer(JavaSparkContext jsc, Sequential model, DistributedOptions options) {
    this.jsc = jsc;
    this.model = model;
    this.options = options;
    // Checkpoints and callbacks write through io, which cannot ask Spark for the context's
    // Hadoop configuration (it imports no Spark): hand it over.
    HadoopFiles.configure(jsc.hadoopConfiguration());
  }

  /** Trains on prepared blocks, validating on {@code validation} (may be null) every epoch. */
  public History fit(TrainingBlocks train, TrainingBlocks validation) {
    FitOptions fit = options.fit();
    if (!fit.classWeight().isEmpty()) {
      TrainingBlocks weighted = train.withClassWeights(fit.classWeight(), model.network());
      try {
        return fit(weighted, validation, fit);
      } finally {
        weighted.release();
      }
    }
    return fit(train, validation, fit);
  }

  private History fit(TrainingBlocks train, TrainingBlocks validation, FitOptions fit) {
    SparkSource source = new SparkSource(jsc, train, validation,
        options.depthFor(train.numPartitions()), fit.epochs());
    return model.fit(source, fit, StepStrategy.of(model, options.syncEvery()));
  }

  /** Mean loss and metrics of the model on prepared blocks, keyed as Keras names them. */
  public Map<String, Double> evaluate(TrainingBlocks data) {
    StepPlan plan = new StepPlan(model.network(), model.metrics(), model.seed(), 1, false, 1, 0);
    Broadcast<Shipped<TrainingSpec>> spec = jsc.broadcast(Shipped.of(new TrainingSpec(
        UUID.randomUUID().toString(), plan)));
    try {
      jsc.setJobDescription("evaluate");
      return SparkSource.evaluate(jsc, spec, data, model.params(),
          options.depthFor(data.numPartitions()), "");
    } finally {
      spec.destroy();
    }
  }
}
