/**
 * Deep metric learning on DJL with the PyTorch engine.
 *
 * <p>{@link org.metriclearn4j.deep.DjlRuntime} is the one place that starts the engine: it keeps
 * DJL offline, opts out of its usage tracking and applies explicit thread counts. The sub-packages
 * hold the data readers ({@code data}), embedding networks ({@code network}), batch samplers
 * ({@code sampler}), the trainer and its listeners ({@code train}), trained models and their files
 * ({@code model}) and the reference benchmark protocols ({@code bench}); losses, miners, batch
 * distances and reducers live in {@code loss}, {@code miner}, {@code distance} and {@code reduce}.
 */
@NullMarked
package org.metriclearn4j.deep;

import org.jspecify.annotations.NullMarked;
