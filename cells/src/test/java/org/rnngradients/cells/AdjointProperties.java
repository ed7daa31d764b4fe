package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The backward step is the transpose of the explicit Jacobians: previousAdjoint = J_tᵀ δ and
 * inputAdjoint = (∂s_t/∂x_t)ᵀ δ for random cells, sizes, states, inputs and adjoints. The two sides
 * are computed by different code (row-scaled weight sums versus transposed matrix–vector products),
 * so agreement to 1e-12 is a real check. Metric |a − b| / max(|a|, |b|, 1e-2): entries that are
 * small through cancellation of order-one terms are judged by absolute error (≤ 1e-14), since
 * the two summation orders legitimately differ there by a few ulps of the terms. The state-only
 * backward step must give exactly the bits of the full one.
 */
class AdjointProperties {
    static final double TOLERANCE = 1e-12;
    static final double FLOOR = 1e-2;

    @Property(tries = 1000)
    boolean vanillaBackwardIsTransposedJacobianTimesAdjoint(@ForAll long seed, @ForAll Activation activation,
                                                            @ForAll @IntRange(min = 1, max = 6) int input,
                                                            @ForAll @IntRange(min = 1, max = 8) int hidden) {
        return backwardMatchesExplicitJacobians(new VanillaRnnCell(input, hidden, activation), seed);
    }

    @Property(tries = 1000)
    boolean gruBackwardIsTransposedJacobianTimesAdjoint(@ForAll long seed,
                                                        @ForAll @IntRange(min = 1, max = 6) int input,
                                                        @ForAll @IntRange(min = 1, max = 8) int hidden) {
        return backwardMatchesExplicitJacobians(new GruCell(input, hidden), seed);
    }

    @Property(tries = 1000)
    boolean lstmBackwardIsTransposedJacobianTimesAdjoint(@ForAll long seed,
                                                         @ForAll @IntRange(min = 1, max = 6) int input,
                                                         @ForAll @IntRange(min = 1, max = 8) int hidden) {
        return backwardMatchesExplicitJacobians(new LstmCell(input, hidden), seed);
    }

    static boolean backwardMatchesExplicitJacobians(RecurrentCell cell, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        CellFixture f = new CellFixture(cell, 1.0, random);
        int n = cell.stateSize();
        DMatrixRMaj delta = CellFixture.randomVector(n, random);
        DMatrixRMaj previousAdjoint = new DMatrixRMaj(n, 1);
        DMatrixRMaj inputAdjoint = new DMatrixRMaj(cell.inputSize(), 1);
        cell.backward(f.cache, delta, previousAdjoint, inputAdjoint, cell.parameters().zerosLike());

        DMatrixRMaj j = new DMatrixRMaj(n, n);
        cell.stateJacobian(f.cache, j);
        DMatrixRMaj jx = new DMatrixRMaj(n, cell.inputSize());
        cell.inputJacobian(f.cache, jx);
        DMatrixRMaj expectedPrevious = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(j, delta, expectedPrevious);
        DMatrixRMaj expectedInput = new DMatrixRMaj(cell.inputSize(), 1);
        CommonOps_DDRM.multTransA(jx, delta, expectedInput);
        return FiniteDifferences.maxRelativeError(previousAdjoint, expectedPrevious, FLOOR) <= TOLERANCE
                && FiniteDifferences.maxRelativeError(inputAdjoint, expectedInput, FLOOR) <= TOLERANCE
                && java.util.Arrays.equals(previousAdjoint.data, cell.backwardState(f.cache, delta, null).data);
    }
}
