package org.rnngradients.cells;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The batched products against the explicit Jacobian of each column, for random cells, sizes, batch
 * sizes, states and frames. Metric as in {@link AdjointProperties}: |a − b| / max(|a|, |b|, 1e-2)
 * ≤ 1e-12 (the two sides sum in different orders).
 */
class BatchProperties {
    static final double TOLERANCE = 1e-12;
    static final double FLOOR = 1e-2;

    @Provide
    Arbitrary<CellKind> kinds() {
        return Arbitraries.of(CellKind.class);
    }

    @Property(tries = 300)
    boolean jacobianTimesFrameIsTheStateJacobianTimesTheFrame(@ForAll("kinds") CellKind kind, @ForAll long seed,
                                                             @ForAll @IntRange(min = 1, max = 5) int input,
                                                             @ForAll @IntRange(min = 1, max = 7) int hidden,
                                                             @ForAll @IntRange(min = 1, max = 4) int batch,
                                                             @ForAll @IntRange(min = 1, max = 5) int k) {
        RandomSource random = RandomSource.seeded(seed);
        BatchFixture f = new BatchFixture(kind.create(input, hidden), batch, 1.0, random);
        CellPass pass = f.cell.newPass(batch);
        BatchCache cache = pass.newCache();
        pass.forward(f.previous, f.inputs, cache, null);
        int n = f.cell.stateSize();
        DMatrixRMaj frame = BatchFixture.random(n, k, random);
        for (int b = 0; b < batch; b++) {
            DMatrixRMaj j = new DMatrixRMaj(n, n);
            f.cell.stateJacobian(f.referenceStep(b, new DMatrixRMaj(n, 1)), j);
            DMatrixRMaj expected = CommonOps_DDRM.mult(j, frame, null);
            if (!(FiniteDifferences.maxRelativeError(expected, pass.stateJacobianTimes(cache, b, frame, null), FLOOR)
                    <= TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    boolean batchedBackwardIsTheTransposedJacobianTimesEachColumn(@ForAll("kinds") CellKind kind, @ForAll long seed,
                                                                 @ForAll @IntRange(min = 1, max = 5) int input,
                                                                 @ForAll @IntRange(min = 1, max = 7) int hidden,
                                                                 @ForAll @IntRange(min = 1, max = 4) int batch) {
        RandomSource random = RandomSource.seeded(seed);
        BatchFixture f = new BatchFixture(kind.create(input, hidden), batch, 1.0, random);
        CellPass pass = f.cell.newPass(batch);
        BatchCache cache = pass.newCache();
        pass.forward(f.previous, f.inputs, cache, null);
        int n = f.cell.stateSize();
        DMatrixRMaj delta = BatchFixture.random(n, batch, random);
        DMatrixRMaj dx = new DMatrixRMaj(input, batch);
        DMatrixRMaj previous = pass.backward(cache, delta, null, dx, f.cell.parameters().zerosLike());
        for (int b = 0; b < batch; b++) {
            StepCache c = f.referenceStep(b, new DMatrixRMaj(n, 1));
            DMatrixRMaj j = new DMatrixRMaj(n, n);
            f.cell.stateJacobian(c, j);
            DMatrixRMaj jx = new DMatrixRMaj(n, input);
            f.cell.inputJacobian(c, jx);
            DMatrixRMaj v = BatchFixture.column(delta, b);
            if (!(FiniteDifferences.maxRelativeError(CommonOps_DDRM.multTransA(j, v, null), BatchFixture.column(previous, b),
                    FLOOR) <= TOLERANCE && FiniteDifferences.maxRelativeError(CommonOps_DDRM.multTransA(jx, v, null),
                    BatchFixture.column(dx, b), FLOOR) <= TOLERANCE)) {
                return false;
            }
        }
        return true;
    }
}
