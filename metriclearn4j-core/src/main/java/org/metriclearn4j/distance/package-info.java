/**
 * Distances between vectors (Euclidean, squared Euclidean, Manhattan, Chebyshev, cosine,
 * Mahalanobis), between discrete probability distributions (Bhattacharyya, Matusita, Hellinger,
 * Kullback–Leibler and its symmetric form, Jensen–Shannon) and closed forms between Gaussians. Each
 * class states its formula, its domain and whether it is a metric; {@link
 * org.metriclearn4j.distance.Distances#byName(String)} finds the parameter-free ones by name.
 */
@NullMarked
package org.metriclearn4j.distance;

import org.jspecify.annotations.NullMarked;
