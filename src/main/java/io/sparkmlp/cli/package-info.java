/**
 * The command line: {@code sparkmlp train --config conf/x.yaml} for spark-submit and local runs.
 *
 * <p>A run is described by one YAML file, loaded by {@link io.sparkmlp.cli.ConfigLoader} into
 * an immutable {@link io.sparkmlp.cli.RunConfig} (one record per section) that builds the
 * runtime objects: the compiled model, the optimizer, the fit options, the callbacks. Jackson
 * binds the YAML into the records (the shared mapper of {@link io.sparkmlp.util.Json}); each
 * record defaults and checks its keys in its compact constructor, taking the defaults and
 * ranges of the runtime's own records ({@code FitOptions}, {@code DistributedOptions},
 * {@code Dense}) where it mirrors them. {@link io.sparkmlp.cli.ConfigErrors} words Jackson's
 * exceptions as one line with file, line and key; the reference in {@code docs/config.md}
 * ({@link io.sparkmlp.cli.ConfigReference}) is generated from the records' descriptions.
 */
package io.sparkmlp.cli;
