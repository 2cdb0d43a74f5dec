/**
 * Argument and state checks, derived seeds and other small helpers, and the one Jackson setup
 * ({@link io.sparkmlp.util.Json}) every file is read and written with. Uses only the JDK and
 * Jackson.
 */
package io.sparkmlp.util;
