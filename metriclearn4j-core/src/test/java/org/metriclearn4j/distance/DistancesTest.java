package org.metriclearn4j.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistancesTest {

  @Test
  void everyNameResolvesToADistanceOfThatName() {
    List<String> names = Distances.names();
    assertEquals(12, names.size());
    for (String name : names) {
      assertEquals(name, Distances.byName(name).name());
    }
  }

  @Test
  void namesAreMatchedLooselyAndAliasesWork() {
    assertInstanceOf(Cosine.class, Distances.byName(" Cosine "));
    assertInstanceOf(JensenShannonDistance.class, Distances.byName("jensen_shannon"));
    assertInstanceOf(SquaredEuclidean.class, Distances.byName("sqeuclidean"));
    assertInstanceOf(Manhattan.class, Distances.byName("cityblock"));
    assertInstanceOf(KullbackLeibler.class, Distances.byName("KL"));
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Distances.byName("minkowski"));
    assertTrue(String.valueOf(e.getMessage()).contains("'minkowski'"));
    assertTrue(String.valueOf(e.getMessage()).contains("euclidean"));
    IllegalArgumentException m =
        assertThrows(IllegalArgumentException.class, () -> Distances.byName("mahalanobis"));
    assertTrue(String.valueOf(m.getMessage()).contains("Mahalanobis.of"));
  }
}
