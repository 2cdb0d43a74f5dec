/** Argument and state checks, derived seeds and other small helpers. Uses only the JDK. */
package io.sparkmlp.util;
