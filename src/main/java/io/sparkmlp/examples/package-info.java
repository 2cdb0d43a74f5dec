/** Runnable examples: the founding 100-64-10 example and Fashion-MNIST. */
package io.sparkmlp.examples;
