/**
 * The command line: {@code sparkmlp train --config conf/x.yaml} for spark-submit and local runs.
 *
 * <p>A run is described by one YAML file, loaded by {@link io.sparkmlp.cli.ConfigLoader} into
 * an immutable {@link io.sparkmlp.cli.RunConfig} (one record per section) that builds the
 * runtime objects: the compiled model, the optimizer, the fit options, the callbacks. The keys
 * are declared once, as {@link io.sparkmlp.cli.Key} annotations on the section records; the
 * loader, the writer of the resolved {@code config.yaml} and the reference in
 * {@code docs/config.md} ({@link io.sparkmlp.cli.ConfigReference}) all read them.
 */
package io.sparkmlp.cli;
