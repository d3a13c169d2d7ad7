package org.metriclearn4j.evaluation.clustering;

/**
 * How well a k-means clustering of embeddings recovers their labels.
 *
 * @param nmi the normalised mutual information (arithmetic mean) of labels and clusters
 * @param ami the adjusted mutual information (arithmetic mean) of labels and clusters
 * @param clusters the number of clusters, the number of distinct labels
 * @param inertia the clustering's sum of squared distances to the centroids
 */
public record ClusteringReport(double nmi, double ami, int clusters, double inertia) {}
