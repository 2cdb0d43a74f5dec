package io.sparkmlp.train;

/**
 * What stands for the squared minibatch gradient in the second moments of Adam, AdamW, RMSprop
 * and Adagrad when a holder takes local steps on its share of each minibatch.
 *
 * <p>With P holders each step's minibatch of B rows is cut into slices of about m = B/P rows.
 * An exact step feeds the optimizer the square of the whole minibatch's mean gradient, whose
 * expectation per coordinate is {@code μ² + σ²/B} (μ the expected gradient, σ² the variance of
 * one row's). A holder's own slice has {@code E[g²] = μ² + σ²/m}: P times the noise, so on
 * noisy problems its second moment grows up to P times too large, and every local step is up
 * to √P times too short. With Adam on the founding example (P = 2) local steps trained like
 * exact steps at 0.7 times the learning rate, whatever the number of local steps.
 *
 * <p>The slice's two halves (weights wa and wb, mean gradients ga and gb) give σ² without bias:
 * {@code E[(ga − gb)²] = σ² (1/wa + 1/wb)}. So
 * <pre>
 *   sq = g² − (ga − gb)² · (1/m − 1/B) / (1/wa + 1/wb)
 *      = g² − (ga − gb)² · (1 − share) · wa · wb / m²       (share = m/B, m = wa + wb)
 * </pre>
 * has the expectation of the exact step's g², for any share; with one holder (share 1) it is g²
 * itself. One draw can come out below zero where the halves disagree, and clamping each draw
 * would bring most of the excess back (half of it at P = 2, where the noise dominates). So the
 * draws go into the second moment as they are, and the optimizer keeps the moment itself at
 * least {@code share} times what g² would have made it ({@link
 * io.sparkmlp.optim.Optimizer#step(float[], float[], float[], float,
 * io.sparkmlp.optim.OptimizerState)}): positive,
 * and below the target in expectation ({@code μ²·share + σ²/B}), so the bound rarely binds
 * once the moment has averaged a few draws.
 */
final class SecondMoment {
  private SecondMoment() {}

  /**
   * Fills sq from the finished mean gradient g, the halves' mean-gradient difference
   * {@code diff = ga − gb} and their weights.
   */
  static void estimate(float[] g, float[] diff, double wa, double wb, double share,
                       float[] sq) {
    double m = wa + wb;
    float c = (float) ((1 - share) * wa * wb / (m * m));
    for (int i = 0; i < g.length; i++) {
      sq[i] = g[i] * g[i] - c * diff[i] * diff[i];
    }
  }
}
