package org.metriclearn4j.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.metriclearn4j.learn.Covariance;
import org.metriclearn4j.learn.ItmlSupervised;
import org.metriclearn4j.learn.Lfda;
import org.metriclearn4j.learn.Lmnn;
import org.metriclearn4j.learn.LsmlSupervised;
import org.metriclearn4j.learn.Mlkr;
import org.metriclearn4j.learn.MmcSupervised;
import org.metriclearn4j.learn.Nca;
import org.metriclearn4j.learn.RcaSupervised;
import org.metriclearn4j.learn.ScmlSupervised;
import org.metriclearn4j.learn.SdmlSupervised;
import org.metriclearn4j.learn.SupervisedMetricLearner;

/**
 * The supervised metric learners the command line knows, by metric-learn's lower-case name, each
 * with its defaults. The command line always has labels, so the names of the weakly supervised
 * learners (itml, sdml, mmc, lsml, scml, rca) stand for their supervised forms, which draw
 * constraints from the labels; metric-learn's class names ({@code itml_supervised}, ...) are
 * accepted too.
 */
final class LearnerCatalog {
  private static final String SUPERVISED_SUFFIX = "_supervised";
  private static final Map<String, LongFunction<SupervisedMetricLearner>> LEARNERS =
      new LinkedHashMap<>();

  static {
    LEARNERS.put("nca", seed -> Nca.builder().seed(seed).build());
    LEARNERS.put("lmnn", seed -> Lmnn.builder().seed(seed).build());
    LEARNERS.put("mlkr", seed -> Mlkr.builder().seed(seed).build());
    LEARNERS.put("lfda", seed -> Lfda.builder().build());
    LEARNERS.put("covariance", seed -> Covariance.builder().build());
    LEARNERS.put("itml", seed -> ItmlSupervised.builder().seed(seed).build());
    LEARNERS.put("sdml", seed -> SdmlSupervised.builder().seed(seed).build());
    LEARNERS.put("mmc", seed -> MmcSupervised.builder().seed(seed).build());
    LEARNERS.put("lsml", seed -> LsmlSupervised.builder().seed(seed).build());
    LEARNERS.put("scml", seed -> ScmlSupervised.builder().seed(seed).build());
    LEARNERS.put("rca", seed -> RcaSupervised.builder().seed(seed).build());
  }

  private LearnerCatalog() {}

  /** Returns the known learner names, in a stable order. */
  static List<String> names() {
    return new ArrayList<>(LEARNERS.keySet());
  }

  /**
   * Returns the catalog's name for a learner name as a user may write it.
   *
   * @param name a name from {@link #names()}, in any case, optionally followed by {@code
   *     _supervised}
   * @return the name as {@link #names()} spells it
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  static String canonicalName(String name) {
    return lookup(name).getKey();
  }

  /**
   * Returns the learner with its default hyperparameters.
   *
   * @param name a name {@link #canonicalName} accepts
   * @param seed the seed of its randomness
   * @return the learner
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  static SupervisedMetricLearner create(String name, long seed) {
    return lookup(name).getValue().apply(seed);
  }

  private static Map.Entry<String, LongFunction<SupervisedMetricLearner>> lookup(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.endsWith(SUPERVISED_SUFFIX)) {
      key = key.substring(0, key.length() - SUPERVISED_SUFFIX.length());
    }
    LongFunction<SupervisedMetricLearner> factory = LEARNERS.get(key);
    if (factory == null) {
      throw new IllegalArgumentException(
          "--learner: expected one of " + names() + ", found '" + name + "'");
    }
    return Map.entry(key, factory);
  }
}
