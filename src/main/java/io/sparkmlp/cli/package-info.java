/**
 * The command line: {@code sparkmlp train --config conf/x.yaml} for spark-submit and local runs.
 *
 * <p>A run is described by one YAML file, loaded by {@link io.sparkmlp.cli.ConfigLoader} into
 * an immutable {@link io.sparkmlp.cli.RunConfig}. Jackson binds the YAML (the shared mapper of
 * {@link io.sparkmlp.util.Json}) straight into the runtime's records where they exist:
 * {@code fit:} into {@code FitOptions} and {@code DistributedOptions}, layers into
 * {@code Dense} and {@code Dropout}, callbacks into their settings; each record defaults and
 * checks its keys in its compact constructor. {@link io.sparkmlp.cli.ConfigErrors} words
 * Jackson's exceptions as one line with file, line and key; the reference in
 * {@code docs/config.md} ({@link io.sparkmlp.cli.ConfigReference}) is generated from the
 * records' descriptions.
 */
package io.sparkmlp.cli;
