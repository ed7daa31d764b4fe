package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * The batched step against the batch-1 reference path, column by column. Metric: max over entries of
 * |a − b| / max(|a|, |b|, 1e-2) ≤ 1e-12, i.e. relative error 1e-12 on entries above 1e-2 and absolute
 * 1e-14 below: the two paths differ only in the summation order of their matrix products (GEMM versus
 * EJML's matrix–vector kernels), a few ulps of order-one terms.
 */
class CellPassTest {
    static final double TOLERANCE = 1e-12;
    static final double FLOOR = 1e-2;
    static final int I = 3;
    static final int H = 5;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    static void assertAgrees(DMatrixRMaj expected, DMatrixRMaj actual, String what) {
        double e = FiniteDifferences.maxRelativeError(expected, actual, FLOOR);
        assertTrue(e <= TOLERANCE, what + ": max relative error " + e);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void batchedForwardEqualsPerSequenceForward(CellKind kind) {
        for (int batch : new int[] {1, 2, 7}) {
            BatchFixture f = new BatchFixture(kind.create(I, H), batch, 0.6, RandomSource.seeded(batch).fork(kind.cliName()));
            CellPass pass = f.cell.newPass(batch);
            DMatrixRMaj state = pass.forward(f.previous, f.inputs, pass.newCache(), null);
            for (int b = 0; b < batch; b++) {
                DMatrixRMaj expected = new DMatrixRMaj(f.cell.stateSize(), 1);
                f.referenceStep(b, expected);
                assertAgrees(expected, BatchFixture.column(state, b), kind + " B=" + batch + " column " + b);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jacobianTimesFrameEqualsStateJacobianTimesFrame(CellKind kind) {
        int batch = 3;
        RandomSource random = RandomSource.seeded(77).fork(kind.cliName());
        BatchFixture f = new BatchFixture(kind.create(I, H), batch, 0.8, random);
        CellPass pass = f.cell.newPass(batch);
        BatchCache cache = pass.newCache();
        pass.forward(f.previous, f.inputs, cache, null);
        int n = f.cell.stateSize();
        for (int k : new int[] {1, 4, n}) {
            DMatrixRMaj frame = BatchFixture.random(n, k, random);
            for (int b = 0; b < batch; b++) {
                DMatrixRMaj j = new DMatrixRMaj(n, n);
                f.cell.stateJacobian(f.referenceStep(b, new DMatrixRMaj(n, 1)), j);
                DMatrixRMaj expected = CommonOps_DDRM.mult(j, frame, null);
                assertAgrees(expected, pass.stateJacobianTimes(cache, b, frame, null), kind + " k=" + k + " column " + b);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aColumnThatSitsTheStepOutKeepsItsStateAndHasTheIdentityJacobian(CellKind kind) {
        BatchFixture f = new BatchFixture(kind.create(I, H), 3, 0.6, RandomSource.seeded(5));
        CellPass pass = f.cell.newPass(3);
        BatchCache cache = pass.newCache();
        DMatrixRMaj state = pass.forward(f.previous, f.inputs, new boolean[] {true, false, true}, cache, null);
        assertArrayEquals(BatchFixture.column(f.previous, 1).data, BatchFixture.column(state, 1).data, 0.0);
        DMatrixRMaj expected = new DMatrixRMaj(f.cell.stateSize(), 1);
        f.referenceStep(2, expected);
        assertAgrees(expected, BatchFixture.column(state, 2), kind + " active column");
        DMatrixRMaj frame = BatchFixture.random(f.cell.stateSize(), 2, RandomSource.seeded(6));
        assertArrayEquals(frame.data, pass.stateJacobianTimes(cache, 1, frame, null).data, 0.0);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stateMayBeTheSameObjectAsPrevious(CellKind kind) {
        BatchFixture f = new BatchFixture(kind.create(I, H), 4, 0.6, RandomSource.seeded(8));
        CellPass pass = f.cell.newPass(4);
        DMatrixRMaj expected = pass.forward(f.previous, f.inputs, pass.newCache(), null);
        DMatrixRMaj inPlace = f.previous.copy();
        pass.forward(inPlace, f.inputs, pass.newCache(), inPlace);
        assertArrayEquals(expected.data, inPlace.data, 0.0);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void batchedBackwardEqualsPerSequenceBackward(CellKind kind) {
        for (int batch : new int[] {1, 4}) {
            RandomSource random = RandomSource.seeded(40 + batch).fork(kind.cliName());
            BatchFixture f = new BatchFixture(kind.create(I, H), batch, 0.8, random);
            int n = f.cell.stateSize();
            CellPass pass = f.cell.newPass(batch);
            BatchCache cache = pass.newCache();
            pass.forward(f.previous, f.inputs, cache, null);
            DMatrixRMaj delta = BatchFixture.random(n, batch, random);
            DMatrixRMaj inputAdjoint = new DMatrixRMaj(I, batch);
            CellParameters gradients = f.cell.parameters().zerosLike();
            DMatrixRMaj previousAdjoint = pass.backward(cache, delta, null, inputAdjoint, gradients);
            CellParameters expected = f.cell.parameters().zerosLike();
            for (int b = 0; b < batch; b++) {
                StepCache c = f.referenceStep(b, new DMatrixRMaj(n, 1));
                DMatrixRMaj previous = new DMatrixRMaj(n, 1);
                DMatrixRMaj dx = new DMatrixRMaj(I, 1);
                f.cell.backward(c, BatchFixture.column(delta, b), previous, dx, expected);
                assertAgrees(previous, BatchFixture.column(previousAdjoint, b), kind + " previous adjoint " + b);
                assertAgrees(dx, BatchFixture.column(inputAdjoint, b), kind + " input adjoint " + b);
            }
            for (String name : expected.names()) {
                assertAgrees(expected.get(name), gradients.get(name), kind + " B=" + batch + " " + name);
            }
            assertArrayEquals(previousAdjoint.data, pass.backwardState(cache, delta, null).data, 0.0,
                    "the state-only step computes the same adjoint");
        }
    }

    /**
     * ∂L/∂θ, ∂L/∂S_{t−1} and ∂L/∂X_t of L = Σ_b w_bᵀ S_t[:, b] from one batched backward step, against
     * central differences (h = 1e-6; metric and tolerance of {@link FiniteDifferenceTest}).
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void batchedBackwardMatchesFiniteDifferences(CellKind kind) {
        RandomSource random = RandomSource.seeded(60).fork(kind.cliName());
        BatchFixture f = new BatchFixture(kind.create(I, H), 3, 0.8, random);
        DMatrixRMaj w = BatchFixture.random(f.cell.stateSize(), 3, random);
        CellPass pass = f.cell.newPass(3);
        BatchCache cache = pass.newCache();
        pass.forward(f.previous, f.inputs, cache, null);
        DMatrixRMaj dx = new DMatrixRMaj(I, 3);
        CellParameters gradients = f.cell.parameters().zerosLike();
        DMatrixRMaj dPrevious = pass.backward(cache, w, null, dx, gradients);
        java.util.function.Supplier<Double> loss = () -> {
            CellPass fresh = f.cell.newPass(3);
            DMatrixRMaj s = fresh.forward(f.previous, f.inputs, fresh.newCache(), null);
            return org.ejml.dense.row.CommonOps_DDRM.elementSum(org.ejml.dense.row.CommonOps_DDRM.elementMult(w, s, null));
        };
        for (String name : gradients.names()) {
            assertMatchesDifferences(gradients.get(name), f.cell.parameters().get(name), loss, kind + " " + name);
        }
        assertMatchesDifferences(dPrevious, f.previous, loss, kind + " previous");
        assertMatchesDifferences(dx, f.inputs, loss, kind + " inputs");
    }

    private static void assertMatchesDifferences(DMatrixRMaj analytic, DMatrixRMaj x, java.util.function.Supplier<Double> loss,
                                                 String what) {
        DMatrixRMaj original = x.copy();
        DMatrixRMaj numeric = FiniteDifferences.gradient(v -> {
            x.setTo(v);
            return loss.get();
        }, original, FiniteDifferences.DEFAULT_STEP, new DMatrixRMaj(x.numRows, x.numCols));
        x.setTo(original);
        double e = FiniteDifferences.maxRelativeError(analytic, numeric, FLOOR);
        assertTrue(e <= 1e-7, what + ": max relative error " + e);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aColumnThatSatTheStepOutPassesItsAdjointThroughAndAddsNoGradient(CellKind kind) {
        RandomSource random = RandomSource.seeded(70);
        BatchFixture f = new BatchFixture(kind.create(I, H), 3, 0.8, random);
        int n = f.cell.stateSize();
        CellPass pass = f.cell.newPass(3);
        BatchCache cache = pass.newCache();
        pass.forward(f.previous, f.inputs, new boolean[] {false, true, false}, cache, null);
        DMatrixRMaj delta = BatchFixture.random(n, 3, random);
        DMatrixRMaj dx = new DMatrixRMaj(I, 3);
        CellParameters gradients = f.cell.parameters().zerosLike();
        DMatrixRMaj previous = pass.backward(cache, delta, null, dx, gradients);
        assertArrayEquals(BatchFixture.column(delta, 0).data, BatchFixture.column(previous, 0).data, 0.0);
        assertArrayEquals(BatchFixture.column(delta, 2).data, BatchFixture.column(previous, 2).data, 0.0);
        assertArrayEquals(new double[I], BatchFixture.column(dx, 2).data, 0.0);
        CellParameters expected = f.cell.parameters().zerosLike();
        f.cell.backward(f.referenceStep(1, new DMatrixRMaj(n, 1)), BatchFixture.column(delta, 1), new DMatrixRMaj(n, 1),
                null, expected);
        for (String name : expected.names()) {
            assertAgrees(expected.get(name), gradients.get(name), kind + " " + name + " from the active column only");
        }
    }

    @Test
    void aPassSeesTheParametersOfItsSnapshotUntilRefreshed() {
        BatchFixture f = new BatchFixture(CellKind.LSTM.create(I, H), 2, 0.6, RandomSource.seeded(9));
        CellPass pass = f.cell.newPass(2);
        DMatrixRMaj before = pass.forward(f.previous, f.inputs, pass.newCache(), null);
        CommonOps_DDRM.scale(1.5, f.cell.parameters().weightHh());
        f.cell.parameters().biasIh().data[0] += 1;
        assertArrayEquals(before.data, pass.forward(f.previous, f.inputs, pass.newCache(), null).data, 0.0);
        DMatrixRMaj after = pass.refresh().forward(f.previous, f.inputs, pass.newCache(), null);
        CellPass fresh = f.cell.newPass(2);
        assertArrayEquals(fresh.forward(f.previous, f.inputs, fresh.newCache(), null).data, after.data, 0.0);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anOverflowingPreActivationThrowsTheTypedException(CellKind kind) {
        RecurrentCell cell = kind.create(1, 2);
        CellPass pass = cell.newPass(1);
        DMatrixRMaj input = new DMatrixRMaj(new double[][] {{1}});
        cell.parameters().weightIh().fill(Double.MAX_VALUE);
        cell.parameters().biasIh().fill(Double.MAX_VALUE);
        NonFiniteActivationException e = assertThrows(NonFiniteActivationException.class,
                () -> pass.refresh().forward(new DMatrixRMaj(cell.stateSize(), 1), input, pass.newCache(), null));
        assertEquals(0, e.column());
        assertTrue(Double.isInfinite(e.value()), e.getMessage());
    }
    /**
     * The LSTM's packed gate kernel and its exact fallback, each against the batch-1 cell: an ordinary
     * step (packed), one gate bias at 400 (a pre-activation beyond the packed limit: the exact loop),
     * cell states of ±1000 (packed gates, tanh(c') element by element), and a batch whose gate blocks
     * span several of the kernel's chunks.
     */
    @ParameterizedTest
    @MethodSource("lstmRegimes")
    void lstmPackedAndExactGatePathsAgreeWithTheReference(String regime, int hidden, int batch) {
        BatchFixture f = new BatchFixture(CellKind.LSTM.create(I, hidden), batch, 0.6, RandomSource.seeded(31).fork(regime));
        if (regime.equals("saturated gate")) {
            f.cell.parameters().biasIh().data[LstmCell.F * hidden + 1] = 400;
        } else if (regime.equals("large cell state")) {
            for (int k = hidden * batch; k < f.previous.getNumElements(); k += 3) {
                f.previous.data[k] = k % 2 == 0 ? 1000 : -1000;
            }
        }
        CellPass pass = f.cell.newPass(batch);
        DMatrixRMaj state = pass.forward(f.previous, f.inputs, pass.newCache(), null);
        for (int b = 0; b < batch; b++) {
            DMatrixRMaj expected = new DMatrixRMaj(f.cell.stateSize(), 1);
            f.referenceStep(b, expected);
            assertAgrees(expected, BatchFixture.column(state, b), regime + " column " + b);
        }
    }

    /**
     * A projection W_ih·X whose columns are not adjacent (stored transposed: row stride 1, column stride 4H)
     * sends a B > 1 LSTM step to the exact loop, which reads it correctly; the packed loop reads only
     * row-contiguous projections.
     */
    @Test
    void anLstmStepReadsAStridedProjectionThroughTheExactLoop() {
        int batch = 3;
        BatchFixture f = new BatchFixture(CellKind.LSTM.create(I, H), batch, 0.6, RandomSource.seeded(41));
        CellPass pass = f.cell.newPass(batch);
        int rows = pass.gateRows;
        DMatrixRMaj projection = new DMatrixRMaj(rows, batch);
        CommonOps_DDRM.mult(f.cell.parameters().weightIh(), f.inputs, projection);
        double[] transposed = new double[rows * batch];
        for (int r = 0; r < rows; r++) {
            for (int b = 0; b < batch; b++) {
                transposed[b * rows + r] = projection.get(r, b);
            }
        }
        BaseBatchCache cache = pass.own(pass.newCache());
        cache.keep(f.previous, f.inputs, null);
        DMatrixRMaj state = new DMatrixRMaj(f.cell.stateSize(), batch);
        pass.step(cache, transposed, 0, 1, rows, state);
        for (int b = 0; b < batch; b++) {
            DMatrixRMaj expected = new DMatrixRMaj(f.cell.stateSize(), 1);
            f.referenceStep(b, expected);
            assertAgrees(expected, BatchFixture.column(state, b), "strided column " + b);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> lstmRegimes() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("ordinary", H, 4),
                org.junit.jupiter.params.provider.Arguments.of("saturated gate", H, 4),
                org.junit.jupiter.params.provider.Arguments.of("large cell state", H, 4),
                org.junit.jupiter.params.provider.Arguments.of("several chunks", 40, 33));
    }
}
