package org.metriclearn4j.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * The eigen-decomposition {@code A = V diag(values) V^T} of a symmetric matrix, with eigenvalues in
 * descending order and orthonormal eigenvectors in the columns of {@code vectors}.
 *
 * @param values eigenvalues, largest first
 * @param vectors eigenvectors as columns, in the order of {@code values}
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {}
