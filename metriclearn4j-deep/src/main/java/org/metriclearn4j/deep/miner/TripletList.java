package org.metriclearn4j.deep.miner;

/** A growable list of triplets, for miners that keep triplets one by one. */
final class TripletList {
  private final IntList anchors = new IntList();
  private final IntList positives = new IntList();
  private final IntList negatives = new IntList();

  void add(int anchor, int positive, int negative) {
    anchors.add(anchor);
    positives.add(positive);
    negatives.add(negative);
  }

  MinerResult toResult() {
    return MinerResult.of(
        Triplets.wrap(anchors.toArray(), positives.toArray(), negatives.toArray()));
  }
}
