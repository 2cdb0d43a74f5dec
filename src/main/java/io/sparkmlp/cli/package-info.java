/**
 * The command line: {@code sparkmlp train --config conf/x.yaml} for spark-submit and local runs.
 *
 * <p>A run is described by one YAML file, loaded by {@link io.sparkmlp.cli.ConfigLoader} into
 * an immutable {@link io.sparkmlp.cli.RunConfig}. Jackson binds each YAML section to one record
 * (the shared mapper of {@link io.sparkmlp.util.Json}), the runtime's own where it exists:
 * {@code fit:} into {@code FitOptions}, {@code distributed:} into {@code DistributedOptions},
 * layers into {@code Dense} and {@code Dropout}, {@code callbacks:} into the callbacks'
 * settings; each record defaults and checks its keys in its compact constructor, and Jackson
 * refuses the keys a record does not have. {@link io.sparkmlp.cli.ConfigErrors} places
 * Jackson's exceptions by type and path, as one line with file, line and key; the reference in
 * {@code docs/config.md} ({@link io.sparkmlp.cli.ConfigReference}) is generated from the
 * records' descriptions.
 */
package io.sparkmlp.cli;
