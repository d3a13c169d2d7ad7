package org.metriclearn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

class LbfgsTest {

  /** Rosenbrock's function {@code 100 (y - x^2)^2 + (1 - x)^2}, minimum 0 at (1, 1). */
  private static final DifferentiableFunction ROSENBROCK =
      (v, g) -> {
        double x = v[0];
        double y = v[1];
        double r = y - x * x;
        g[0] = -400 * x * r - 2 * (1 - x);
        g[1] = 200 * r;
        return 100 * r * r + (1 - x) * (1 - x);
      };

  @Test
  void rosenbrockFromClassicStartReachesTheMinimum() {
    Lbfgs lbfgs =
        Lbfgs.builder()
            .gradientTolerance(1e-10)
            .relativeFunctionTolerance(0)
            .maxIterations(500)
            .build();
    OptimizationResult r = lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1});
    assertTrue(r.converged(), r.toString());
    assertEquals(StopReason.GRADIENT_TOLERANCE, r.stopReason());
    assertEquals(1, r.x()[0], 1e-6);
    assertEquals(1, r.x()[1], 1e-6);
    assertTrue(r.value() < 1e-12, "value " + r.value());
    assertTrue(r.iterations() > 10, "the path around the valley takes many steps");
    assertTrue(r.functionEvaluations() >= r.iterations() + 1);
  }

  @Test
  void convexQuadraticIn50DimensionsIsSolvedToTolerance() {
    int n = 50;
    Random random = new Random(7);
    // A = Q diag(lambda) Q^T with eigenvalues in [1, 1000]
    DMatrixRMaj g = new DMatrixRMaj(n, n);
    for (int i = 0; i < g.data.length; i++) {
      g.data[i] = random.nextGaussian();
    }
    var qr = DecompositionFactory_DDRM.qr(n, n);
    assertTrue(qr.decompose(g.copy()));
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj scaled = q.copy();
    for (int c = 0; c < n; c++) {
      double lambda = Math.pow(1000, c / (double) (n - 1));
      for (int r = 0; r < n; r++) {
        scaled.set(r, c, scaled.get(r, c) * lambda);
      }
    }
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(scaled, q, a);
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = random.nextGaussian();
    }
    DMatrixRMaj expected = new DMatrixRMaj(n, 1);
    assertTrue(CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(n, 1, b.clone()), expected));
    DMatrixRMaj am = a;
    DifferentiableFunction quadratic =
        (x, grad) -> {
          // f = x^T A x / 2 - b^T x, grad = A x - b
          double f = 0;
          for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
              ax += am.get(i, j) * x[j];
            }
            grad[i] = ax - b[i];
            f += 0.5 * x[i] * ax - b[i] * x[i];
          }
          return f;
        };
    // 1e-6: much smaller gradients change f by less than its rounding (|f| ~ 2, lambda_min = 1)
    Lbfgs lbfgs =
        Lbfgs.builder()
            .gradientTolerance(1e-6)
            .relativeFunctionTolerance(0)
            .maxIterations(1000)
            .build();
    OptimizationResult r = lbfgs.minimize(quadratic, new double[n]);
    assertEquals(StopReason.GRADIENT_TOLERANCE, r.stopReason(), r.toString());
    double[] x = r.x();
    for (int i = 0; i < n; i++) {
      // |x - x*| <= |A^-1| |grad| <= 1e-6 * sqrt(n) / lambda_min
      assertEquals(expected.get(i), x[i], 1e-5, "coordinate " + i);
    }
  }

  @Test
  void functionThatIsNanAtTheStartFailsWithAClearMessage() {
    DifferentiableFunction nan =
        (x, g) -> {
          g[0] = 0;
          return Double.NaN;
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lbfgs.builder().build().minimize(nan, new double[] {1}));
    assertTrue(
        String.valueOf(e.getMessage()).contains("finite value at the starting point"),
        e.getMessage());
    assertTrue(String.valueOf(e.getMessage()).contains("NaN"), e.getMessage());
  }

  @Test
  void nonFiniteGradientAtTheStartFailsWithItsIndex() {
    DifferentiableFunction bad =
        (x, g) -> {
          g[0] = 1;
          g[1] = Double.POSITIVE_INFINITY;
          return 0;
        };
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Lbfgs.builder().build().minimize(bad, new double[] {1, 2}));
    assertTrue(String.valueOf(e.getMessage()).contains("index 1"), e.getMessage());
  }

  @Test
  void nanBeyondABoundaryStopsWithAReasonInsteadOfLooping() {
    // (x - 5)^2 is minimised at 5, but the function is NaN for x >= 2: the optimiser must walk up
    // to the boundary, report that it did not converge, and return a finite point below 2
    DifferentiableFunction walled =
        (x, g) -> {
          if (x[0] >= 2) {
            g[0] = Double.NaN;
            return Double.NaN;
          }
          g[0] = 2 * (x[0] - 5);
          return (x[0] - 5) * (x[0] - 5);
        };
    OptimizationResult r =
        Lbfgs.builder().maxIterations(10_000).build().minimize(walled, new double[] {0});
    assertFalse(r.converged(), r.toString());
    assertEquals(StopReason.NON_FINITE_VALUE, r.stopReason(), r.toString());
    assertTrue(r.x()[0] < 2 && r.x()[0] > 1.9, r.toString());
    assertTrue(Double.isFinite(r.value()));
    assertTrue(r.iterations() < 10_000, "stopped by the failure, not the iteration limit");
  }

  @Test
  void functionThatIsNanEverywhereButTheStartReportsNonFiniteValue() {
    double[] start = {3, -1};
    DifferentiableFunction spike =
        (x, g) -> {
          boolean atStart = x[0] == start[0] && x[1] == start[1];
          g[0] = atStart ? 1 : Double.NaN;
          g[1] = atStart ? 1 : Double.NaN;
          return atStart ? 0 : Double.NaN;
        };
    OptimizationResult r = Lbfgs.builder().build().minimize(spike, start);
    assertEquals(StopReason.NON_FINITE_VALUE, r.stopReason());
    assertFalse(r.converged());
    assertEquals(0, r.iterations());
    assertArrayEquals(start, r.x());
    assertTrue(r.functionEvaluations() <= 1 + Lbfgs.MAX_LINE_SEARCH_EVALUATIONS);
  }

  @Test
  void iterationLimitIsReportedAsNotConverged() {
    OptimizationResult r =
        Lbfgs.builder().maxIterations(3).build().minimize(ROSENBROCK, new double[] {-1.2, 1});
    assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
    assertFalse(r.converged());
    assertEquals(3, r.iterations());
    assertTrue(r.value() < 24.2, "each accepted step decreases the value: " + r.value());
  }

  @Test
  void startThatMeetsTheGradientToleranceReturnsAtOnce() {
    OptimizationResult r = Lbfgs.builder().build().minimize(ROSENBROCK, new double[] {1, 1});
    assertTrue(r.converged());
    assertEquals(0, r.iterations());
    assertEquals(1, r.functionEvaluations());
    assertEquals(0, r.value());
  }

  @Test
  void relativeFunctionToleranceStopsAFlatteningRun() {
    // f = sum (x_i - 1)^4 flattens near its minimum; with no gradient criterion only the
    // function-decrease criterion can end the run before the iteration limit
    DifferentiableFunction quartic =
        (x, g) -> {
          double f = 0;
          for (int i = 0; i < x.length; i++) {
            double t = x[i] - 1;
            g[i] = 4 * t * t * t;
            f += t * t * t * t;
          }
          return f;
        };
    OptimizationResult r =
        Lbfgs.builder()
            .gradientTolerance(0)
            .relativeFunctionTolerance(1e-8)
            .maxIterations(10_000)
            .build()
            .minimize(quartic, new double[] {3, -2, 0.5});
    assertEquals(StopReason.FUNCTION_TOLERANCE, r.stopReason(), r.toString());
    assertTrue(r.converged());
    assertTrue(r.value() < 1e-6, r.toString());
  }

  @Test
  void lineSearchReturnsAStepThatSatisfiesTheStrongWolfeConditions() {
    // phi(a) = f(x0 + a d) for f(x) = x^4 - 3 x^2 + x from x0 = 2 along d = -1
    DifferentiableFunction f =
        (x, g) -> {
          double v = x[0];
          g[0] = 4 * v * v * v - 6 * v + 1;
          return v * v * v * v - 3 * v * v + v;
        };
    for (double step : new double[] {1e-4, 0.1, 1, 10, 1000}) {
      double[] x0 = {2};
      double[] g0 = new double[1];
      double f0 = f.valueAndGradient(x0, g0);
      double[] d = {-1};
      double slope = g0[0] * d[0];
      Lbfgs.LineSearch search = new Lbfgs.LineSearch(f, 1);
      Lbfgs.LineSearch.Outcome outcome = search.run(x0, f0, g0, d, slope, step);
      assertEquals(Lbfgs.LineSearch.Outcome.WOLFE, outcome, "initial step " + step);
      double alpha = (x0[0] - search.x[0]);
      assertTrue(search.value <= f0 + Lbfgs.C1 * alpha * slope, "sufficient decrease");
      assertTrue(Math.abs(search.g[0] * d[0]) <= Lbfgs.C2 * Math.abs(slope), "curvature");
      assertTrue(search.evaluations <= Lbfgs.MAX_LINE_SEARCH_EVALUATIONS);
    }
  }

  @Test
  void cubicInterpolationIsExactForAQuadratic() {
    // phi(a) = (a - 0.3)^2 + 2: the interpolating cubic is phi itself
    double t = Lbfgs.LineSearch.interpolate(0, 2.09, -0.6, 1, 2.49, 1.4);
    assertEquals(0.3, t, 1e-12);
    // reversed bracket gives the same point
    assertEquals(0.3, Lbfgs.LineSearch.interpolate(1, 2.49, 1.4, 0, 2.09, -0.6), 1e-12);
    // a minimiser too close to an end falls back to bisection
    assertEquals(0.5, Lbfgs.LineSearch.interpolate(0, 0.0001, -0.02, 1, 0.9801, 1.98), 1e-12);
    // a non-finite end falls back to bisection
    assertEquals(0.5, Lbfgs.LineSearch.interpolate(0, 1, -1, 1, Double.NaN, Double.NaN));
  }

  @Test
  void sameInputGivesBitIdenticalResults() {
    Lbfgs lbfgs = Lbfgs.builder().memory(4).build();
    OptimizationResult a = lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1});
    OptimizationResult b = lbfgs.minimize(ROSENBROCK, new double[] {-1.2, 1});
    assertEquals(a, b);
  }

  @Test
  void aRunContinuedWithItsPairsRetracesTheUninterruptedRun() {
    Lbfgs whole = Lbfgs.builder().maxIterations(20).relativeFunctionTolerance(0).build();
    Lbfgs half = Lbfgs.builder().maxIterations(10).relativeFunctionTolerance(0).build();
    OptimizationResult uninterrupted = whole.minimize(ROSENBROCK, new double[] {-1.2, 1});
    assertEquals(20, uninterrupted.iterations());

    Lbfgs.CorrectionPairs pairs = new Lbfgs.CorrectionPairs(10, 2);
    assertEquals(0, pairs.size());
    OptimizationResult first = half.minimize(ROSENBROCK, new double[] {-1.2, 1}, pairs);
    assertTrue(pairs.size() > 0 && pairs.size() <= 10, "pairs kept: " + pairs.size());
    OptimizationResult second = half.minimize(ROSENBROCK, first.x(), pairs);
    // the same iterates, bit for bit: the second run starts from the curvature the first built
    assertArrayEquals(uninterrupted.x(), second.x(), 0);
    assertEquals(uninterrupted.value(), second.value(), 0);

    // a restart from steepest descent loses that curvature and takes another path
    OptimizationResult restarted = half.minimize(ROSENBROCK, first.x());
    assertNotEquals(uninterrupted.value(), restarted.value());
  }

  @Test
  void pairsOfAnotherShapeAreRejectedByName() {
    Lbfgs lbfgs = Lbfgs.builder().memory(5).build();
    IllegalArgumentException wrongDimension =
        assertThrows(
            IllegalArgumentException.class,
            () -> lbfgs.minimize(ROSENBROCK, new double[] {0, 0}, new Lbfgs.CorrectionPairs(5, 3)));
    assertEquals(
        "pairs: expected pairs for memory 5 and 2 variables, found memory 5 and 3 variables",
        wrongDimension.getMessage());
    assertMessage(
        "pairs",
        () -> lbfgs.minimize(ROSENBROCK, new double[] {0, 0}, new Lbfgs.CorrectionPairs(10, 2)));
    assertMessage("memory", () -> new Lbfgs.CorrectionPairs(0, 2));
    assertMessage("dimension", () -> new Lbfgs.CorrectionPairs(5, 0));
    assertMessage(
        "start",
        () ->
            lbfgs.minimize(
                ROSENBROCK, new double[] {Double.NaN, 0}, new Lbfgs.CorrectionPairs(5, 2)));
  }

  @Test
  void startIsNotModifiedAndResultIsACopy() {
    double[] start = {-1.2, 1};
    OptimizationResult r = Lbfgs.builder().build().minimize(ROSENBROCK, start);
    assertArrayEquals(new double[] {-1.2, 1}, start);
    double[] x = r.x();
    x[0] = 42;
    assertNotEquals(42, r.x()[0]);
  }

  @Test
  void invalidSettingsAndStartsAreRejectedByName() {
    assertMessage("memory", () -> Lbfgs.builder().memory(0).build());
    assertMessage("maxIterations", () -> Lbfgs.builder().maxIterations(0).build());
    assertMessage("gradientTolerance", () -> Lbfgs.builder().gradientTolerance(-1).build());
    assertMessage(
        "relativeFunctionTolerance",
        () -> Lbfgs.builder().relativeFunctionTolerance(Double.NaN).build());
    Lbfgs lbfgs = Lbfgs.builder().build();
    assertMessage("start", () -> lbfgs.minimize(ROSENBROCK, new double[0]));
    assertMessage("start", () -> lbfgs.minimize(ROSENBROCK, new double[] {1, Double.NaN}));
  }

  @Test
  void resultRejectsAConvergedFlagThatContradictsTheReason() {
    assertMessage(
        "converged",
        () -> new OptimizationResult(new double[1], 0, 1, 1, true, StopReason.MAX_ITERATIONS));
  }

  private static void assertMessage(String argument, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(String.valueOf(e.getMessage()).startsWith(argument + ":"), e.getMessage());
  }
}
