package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.learn.ItmlSupervised;
import org.metriclearn4j.learn.RcaSupervised;

class LearnerCatalogTest {
  @Test
  void namesAreMetricLearnsLowerCaseNames() {
    assertEquals(
        java.util.List.of(
            "nca",
            "lmnn",
            "mlkr",
            "lfda",
            "covariance",
            "itml",
            "sdml",
            "mmc",
            "lsml",
            "scml",
            "rca"),
        LearnerCatalog.names());
  }

  @Test
  void supervisedClassNamesAndAnyCaseAreAliases() {
    assertTrue(LearnerCatalog.create("itml", 0) instanceof ItmlSupervised);
    assertTrue(LearnerCatalog.create("ITML_Supervised", 0) instanceof ItmlSupervised);
    assertTrue(LearnerCatalog.create("rca_supervised", 0) instanceof RcaSupervised);
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LearnerCatalog.create("itm", 0));
    assertTrue(String.valueOf(e.getMessage()).contains("[nca, lmnn"));
    assertTrue(String.valueOf(e.getMessage()).contains("'itm'"));
  }
}
