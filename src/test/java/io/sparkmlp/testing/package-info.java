/** Assertions shared by the tests of every package: error messages, numeric gradients. */
package io.sparkmlp.testing;
