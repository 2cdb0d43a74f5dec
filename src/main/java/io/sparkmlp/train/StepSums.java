package io.sparkmlp.train;

/**
 * What a step (or a group of local steps) processed, summed over every holder of rows: the
 * summed loss then the summed metrics (Σ w_i·value_i for weighted rows), the row count, and
 * the rows' total weight (the count for unweighted rows), the divisor of their means.
 *
 * @param penalty the regulariser's share of the loss sum, weight · λΣW², added after the
 *     sums: exact steps compute it on the driver, local steps inside the holders' sums (0 here)
 */
public record StepSums(double[] sums, long rows, double weight, double penalty) {

  /** Sums computed by the holders, nothing to add. */
  public static StepSums of(double[] sums, long rows, double weight) {
    return new StepSums(sums, rows, weight, 0);
  }

  /** The summed loss divided by the weight (by 1 when no row weighed anything). */
  public double meanLoss() {
    return sums[0] / (weight > 0 ? weight : 1);
  }

  /** The same sums with the given penalty. */
  StepSums withPenalty(double p) {
    return new StepSums(sums, rows, weight, p);
  }
}
