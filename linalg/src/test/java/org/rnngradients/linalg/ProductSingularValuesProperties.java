package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;

/** Stable product spectra against the explicitly formed product, on random instances. */
class ProductSingularValuesProperties {
    /** Agreement with the explicit product, relative to its largest singular value (the SVD's own accuracy). */
    private static final double TOLERANCE = 1e-10;

    @Property(tries = 1000)
    void stableSingularValuesEqualThoseOfTheExplicitProduct(@ForAll @IntRange(min = 1, max = 4) int n,
                                                             @ForAll @IntRange(min = 1, max = 8) int factors,
                                                             @ForAll @DoubleRange(min = 0.1, max = 3) double std,
                                                             @ForAll long seed) {
        List<DMatrixRMaj> f = TestMatrices.gaussianFactors(n, factors, std, RandomSource.seeded(seed));
        double[] explicit = Spectra.singularValues(TestMatrices.explicitProduct(f));
        double[] stable = ProductSingularValues.of(f);
        for (int i = 0; i < n; i++) {
            assertEquals(explicit[i], Math.exp(stable[i]), TOLERANCE * explicit[0], "sigma_" + (i + 1));
        }
    }
}
