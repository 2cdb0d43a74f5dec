package io.sparkmlp.train;

/** {@link ShardJob#evaluation}: a holder's loss and metric sums over all its rows. */
final class Evaluation implements ShardJob {
  private static final long serialVersionUID = 1L;

  private final int chunkRows;

  Evaluation(int chunkRows) {
    this.chunkRows = chunkRows;
  }

  @Override
  public Part run(Shard shard, float[] params, OptimizerSnapshot optimizer, float[] into) {
    return new Part(null, shard.evaluate(params, chunkRows));
  }
}
