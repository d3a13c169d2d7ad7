package org.metriclearn4j.deep.miner;

/** A growable list of positive and negative pairs, for miners that keep pairs one by one. */
final class PairList {
  private final IntList positiveAnchors = new IntList();
  private final IntList positives = new IntList();
  private final IntList negativeAnchors = new IntList();
  private final IntList negatives = new IntList();

  void addPositive(int anchor, int positive) {
    positiveAnchors.add(anchor);
    positives.add(positive);
  }

  void addNegative(int anchor, int negative) {
    negativeAnchors.add(anchor);
    negatives.add(negative);
  }

  MinerResult toResult() {
    return MinerResult.of(
        Pairs.wrap(
            positiveAnchors.toArray(),
            positives.toArray(),
            negativeAnchors.toArray(),
            negatives.toArray()));
  }
}
