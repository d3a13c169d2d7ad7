/**
 * Miners and the index tuples they return. A {@link org.metriclearn4j.deep.miner.Miner} looks at a
 * batch of embeddings and labels (without recording gradients) and returns a {@link
 * org.metriclearn4j.deep.miner.MinerResult}: either {@link org.metriclearn4j.deep.miner.Pairs}
 * (anchor-positive and anchor-negative index pairs) or {@link
 * org.metriclearn4j.deep.miner.Triplets} (anchor, positive, negative), with their counts. Any miner
 * works with any loss: pairs and triplets convert into each other as pytorch-metric-learning does.
 */
@NullMarked
package org.metriclearn4j.deep.miner;

import org.jspecify.annotations.NullMarked;
