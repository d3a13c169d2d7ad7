/**
 * Verification with any learned distance: deciding whether two samples belong to the same class by
 * thresholding their distance ({@link org.metriclearn4j.verification.PairClassifier}), calibrating
 * that threshold on labelled pairs for accuracy, F-beta or a target true-positive or true-negative
 * rate ({@link org.metriclearn4j.verification.ThresholdCalibration}), and the area under the ROC
 * curve ({@link org.metriclearn4j.verification.RocAuc}). These work for every {@link
 * org.metriclearn4j.distance.Distance}, so for the metric of every learner, supervised or not.
 */
@NullMarked
package org.metriclearn4j.verification;

import org.jspecify.annotations.NullMarked;
