package org.metriclearn4j.learn;

import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Triplets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * SCML from class labels (metric-learn's {@code SCML_Supervised}; Shi, Bellet, Sha, AAAI 2014):
 * builds the nearest-neighbour triplets of every sample with {@link
 * ConstraintSampler#neighbourTriplets} and fits {@link Scml} on them with the chosen bases.
 *
 * <p>Bases: {@link Basis#LOCAL_DISCRIMINANT} (default; the paper's and metric-learn's choice for
 * labelled data): Fisher discriminant directions of the neighbourhoods of k-means centres at two
 * scales, {@code e = min(c - 1, d)} directions per neighbourhood; or {@link
 * Basis#TRIPLET_DIFFERENCES}: differences between each sample and its genuine and impostor
 * neighbours, spread over the whole data.
 *
 * <p>Defaults: {@code kGenuine = 3}, {@code kImpostor = 10} (metric-learn's), {@code numBases = 0}
 * meaning {@code min(20 d, 2 n e)} local discriminant bases or {@code min(20 d, distinct pairs)}
 * triplet differences, the default {@link Scml} settings, seed 0 (used by k-means, the basis draw
 * and the stochastic optimisation). Neighbours, bases and the optimisation use the features divided
 * by their standard deviation (the components are mapped back to the input units), so the result
 * does not depend on the units of the features.
 */
public final class ScmlSupervised implements SupervisedMetricLearner {
  /** The basis set built from the labelled data. */
  public enum Basis {
    /** Local Fisher discriminant directions around k-means centres (local bases). */
    LOCAL_DISCRIMINANT,
    /** Differences between samples and their neighbours (global bases). */
    TRIPLET_DIFFERENCES
  }

  private final Scml scml;
  private final Basis basis;
  private final int kGenuine;
  private final int kImpostor;
  private final int numBases;
  private final long seed;

  private ScmlSupervised(Builder b) {
    this.scml = b.scml;
    this.basis = b.basis;
    this.kGenuine = b.kGenuine;
    this.kImpostor = b.kImpostor;
    this.numBases = b.numBases;
    this.seed = b.seed;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the basis set used. */
  public Basis basis() {
    return basis;
  }

  @Override
  public String name() {
    return "scml_supervised";
  }

  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    SupervisedSupport.requireTwoClasses(data, name());
    int d = data.dimension();
    // neighbours, bases and optimisation on standardised features, mapped back at the end
    DMatrixRMaj raw = new DMatrixRMaj(data.size(), d, true, data.featuresRowMajor());
    double[] unit =
        WeakMetricSupport.inverseStandardDeviations(raw, WeakMetricSupport.allRows(data.size()));
    DMatrixRMaj x = WeakMetricSupport.scaleColumns(raw, unit);
    LabeledDataset scaled = data.withFeatures(Kernels.toRows(x));
    Triplets triplets = ConstraintSampler.neighbourTriplets(scaled, kGenuine, kImpostor);
    Scml.Builder weak = scml.toBuilder().seed(seed);
    int count;
    if (basis == Basis.LOCAL_DISCRIMINANT) {
      int e = Math.min(data.numPresentClasses() - 1, d);
      count = numBases > 0 ? numBases : (int) Math.min(20L * d, 2L * data.size() * e);
      DMatrixRMaj bases =
          ScmlBases.localDiscriminant(x, data.labels(), data.numClasses(), count, seed);
      weak.bases(Kernels.toRows(bases));
    } else {
      count = numBases;
      weak.bases(null).numBases(numBases);
    }
    MahalanobisMetric inScaled = weak.build().fit(triplets);
    MahalanobisMetric metric =
        MahalanobisMetric.of(
            WeakMetricSupport.scaleColumns(inScaled.componentsMatrix(), unit),
            inScaled.fitSummary(),
            inScaled.provenance());
    return SupervisedSupport.relabel(
        metric,
        name(),
        WeakMetricSupport.hyperparameters(
            "basis", basis, "kGenuine", kGenuine, "kImpostor", kImpostor, "requestedBases", count),
        data,
        seed);
  }

  /** Builds an {@link ScmlSupervised}; {@link #build()} validates. */
  public static final class Builder {
    private Scml scml = Scml.builder().build();
    private Basis basis = Basis.LOCAL_DISCRIMINANT;
    private int kGenuine = 3;
    private int kImpostor = 10;
    private int numBases;
    private long seed;

    private Builder() {}

    /**
     * Sets the SCML optimisation settings (default {@code Scml.builder().build()}); its bases and
     * seed are replaced by this learner's.
     *
     * @param scml the weak learner
     * @return this builder
     */
    public Builder scml(Scml scml) {
      this.scml = scml;
      return this;
    }

    /**
     * Sets the basis set (default {@link Basis#LOCAL_DISCRIMINANT}).
     *
     * @param basis the basis set
     * @return this builder
     */
    public Builder basis(Basis basis) {
      this.basis = basis;
      return this;
    }

    /**
     * Sets the number of same-class neighbours per sample (default 3).
     *
     * @param kGenuine {@code >= 1}
     * @return this builder
     */
    public Builder kGenuine(int kGenuine) {
      this.kGenuine = kGenuine;
      return this;
    }

    /**
     * Sets the number of other-class neighbours per sample (default 10).
     *
     * @param kImpostor {@code >= 1}
     * @return this builder
     */
    public Builder kImpostor(int kImpostor) {
      this.kImpostor = kImpostor;
      return this;
    }

    /**
     * Sets the number of bases (default 0: see the class documentation).
     *
     * @param numBases {@code >= 0}
     * @return this builder
     */
    public Builder numBases(int numBases) {
      this.numBases = numBases;
      return this;
    }

    /**
     * Sets the seed (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public ScmlSupervised build() {
      WeakMetricSupport.checkAtLeast("kGenuine", kGenuine, 1);
      WeakMetricSupport.checkAtLeast("kImpostor", kImpostor, 1);
      WeakMetricSupport.checkAtLeast("numBases", numBases, 0);
      return new ScmlSupervised(this);
    }
  }
}
