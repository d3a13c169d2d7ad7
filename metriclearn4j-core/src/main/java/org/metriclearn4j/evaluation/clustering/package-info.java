/**
 * Clustering of embeddings (k-means with k-means++ seeding) and the agreement of a clustering with
 * the true labels (mutual information, NMI and AMI), as used to evaluate metric learning.
 */
@NullMarked
package org.metriclearn4j.evaluation.clustering;

import org.jspecify.annotations.NullMarked;
