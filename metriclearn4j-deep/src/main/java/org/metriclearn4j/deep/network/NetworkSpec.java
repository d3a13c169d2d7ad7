package org.metriclearn4j.deep.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Map;

/**
 * An immutable description of an embedding network: it builds fresh, uninitialised DJL blocks that
 * map a batch of shape {@code [batch, inputShape...]} to embeddings of shape {@code [batch,
 * embeddingDim]}, and it describes itself as plain data for model files.
 */
public interface NetworkSpec {
  /**
   * Returns the architecture's kind, the key of its description, e.g. {@code "mlp"}.
   *
   * @return a short identifier
   */
  String kind();

  /**
   * Returns the shape of one input sample, without the batch dimension.
   *
   * @return e.g. {@code (64)} or {@code (1, 28, 28)}
   */
  Shape inputShape();

  /**
   * Returns the embedding dimension.
   *
   * @return the number of outputs per sample
   */
  int embeddingDim();

  /**
   * Builds a fresh block with its initialisers set; the caller initialises it with {@code
   * block.initialize(manager, DataType.FLOAT32, batchShape)}.
   *
   * @return a new, uninitialised block
   */
  Block newBlock();

  /**
   * Describes the architecture as JSON-ready data (strings, numbers, booleans, lists) that {@link
   * NetworkSpecs#fromDescription(Map)} turns back into an equal spec. The map always holds {@code
   * "kind"}.
   *
   * @return an ordered, unmodifiable description
   */
  Map<String, Object> describe();
}
