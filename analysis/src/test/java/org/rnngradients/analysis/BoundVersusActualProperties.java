package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.rnngradients.linalg.RandomSource;

/** Derivation properties of the submultiplicative bound, on random instances. */
class BoundVersusActualProperties {
    @Property(tries = 1000)
    void boundIsNeverBelowTheActualNorm(@ForAll @IntRange(min = 1, max = 4) int n,
                                        @ForAll @IntRange(min = 1, max = 8) int steps,
                                        @ForAll @DoubleRange(min = 0.1, max = 3) double std,
                                        @ForAll long seed) {
        JacobianSource source = JacobianSequence.of(TestMatrices.gaussianFactors(n, steps, std, RandomSource.seeded(seed)));
        JacobianProduct product = JacobianProduct.record(source, steps);
        double[] ratio = BoundVersusActual.of(product).logRatio();
        double[] forward = BoundVersusActual.fromStart(product).logRatio();
        for (int t = 0; t <= steps; t++) {
            assertTrue(ratio[t] >= -1e-12, "ln(bound/actual) at t=" + t + " was " + ratio[t]);
            assertTrue(forward[t] >= -1e-12, "forward ln(bound/actual) at t=" + t + " was " + forward[t]);
        }
    }

    @Property(tries = 1000)
    void boundIsAttainedWhenSingularVectorsAlign(@ForAll @IntRange(min = 1, max = 4) int n,
                                                  @ForAll @IntRange(min = 1, max = 8) int steps,
                                                  @ForAll long seed) {
        JacobianSource source = JacobianConstructions.aligned(n, steps, 0.2, 2.0, RandomSource.seeded(seed));
        JacobianProduct product = JacobianProduct.record(source, steps);
        double[] ratio = BoundVersusActual.of(product).logRatio();
        double[] forward = BoundVersusActual.fromStart(product).logRatio();
        for (int t = 0; t <= steps; t++) {
            assertEquals(0, ratio[t], 1e-12, "ln(bound/actual) at t=" + t);
            assertEquals(0, forward[t], 1e-12, "forward ln(bound/actual) at t=" + t);
        }
    }
}
