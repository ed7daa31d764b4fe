package org.rnngradients.cells;

import static org.rnngradients.cells.BadInputTest.assertRejects;

import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.linalg.RandomSource;

/** Every public entry of a batched pass rejects bad shapes, sizes and non-finite values by name. */
class CellPassBadInputTest {
    static final int I = 3;
    static final int H = 4;
    static final int B = 2;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    private static DMatrixRMaj withNaN(DMatrixRMaj m) {
        DMatrixRMaj c = m.copy();
        c.data[c.getNumElements() - 1] = Double.NaN;
        return c;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPassNeedsAPositiveBatchSizeAndFiniteParameters(CellKind kind) {
        RecurrentCell cell = kind.create(I, H);
        assertRejects("batchSize", () -> cell.newPass(0));
        assertRejects("batchSize", () -> cell.newPass(-3));
        cell.parameters().weightHh().data[1] = Double.NaN;
        assertRejects("parameters.weight_hh", () -> cell.newPass(1));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void forwardRejectsBatchMatricesOfTheWrongShapeOrWithNaN(CellKind kind) {
        BatchFixture f = new BatchFixture(kind.create(I, H), B, 0.5, RandomSource.seeded(3));
        CellPass pass = f.cell.newPass(B);
        BatchCache cache = pass.newCache();
        int n = f.cell.stateSize();
        assertRejects("previous", () -> pass.forward(new DMatrixRMaj(n, B + 1), f.inputs, cache, null));
        assertRejects("previous", () -> pass.forward(null, f.inputs, cache, null));
        assertRejects("previous", () -> pass.forward(withNaN(f.previous), f.inputs, cache, null));
        assertRejects("inputs", () -> pass.forward(f.previous, new DMatrixRMaj(I, B - 1), cache, null));
        assertRejects("inputs", () -> pass.forward(f.previous, new DMatrixRMaj(I + 1, B), cache, null));
        assertRejects("inputs", () -> pass.forward(f.previous, withNaN(f.inputs), cache, null));
        assertRejects("state", () -> pass.forward(f.previous, f.inputs, cache, new DMatrixRMaj(n, 1)));
        assertRejects("active", () -> pass.forward(f.previous, f.inputs, new boolean[B + 1], cache, null));
        assertRejects("cache", () -> pass.forward(f.previous, f.inputs, null, null));
        assertRejects("cache", () -> pass.forward(f.previous, f.inputs, f.cell.newPass(B).newCache(), null));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void backwardRejectsAdjointsOfTheWrongShapeAliasesAndForeignGradients(CellKind kind) {
        BatchFixture f = new BatchFixture(kind.create(I, H), B, 0.5, RandomSource.seeded(5));
        CellPass pass = f.cell.newPass(B);
        BatchCache cache = pass.newCache();
        int n = f.cell.stateSize();
        DMatrixRMaj delta = new DMatrixRMaj(n, B);
        CellParameters g = f.cell.parameters().zerosLike();
        assertRejects("cache", () -> pass.backward(cache, delta, null, null, g));
        pass.forward(f.previous, f.inputs, cache, null);
        assertRejects("adjoint", () -> pass.backward(cache, new DMatrixRMaj(n, B + 1), null, null, g));
        assertRejects("adjoint", () -> pass.backwardState(cache, null, null));
        assertRejects("previousAdjoint", () -> pass.backward(cache, delta, new DMatrixRMaj(n, 1), null, g));
        assertRejects("previousAdjoint", () -> pass.backwardState(cache, delta, delta));
        assertRejects("inputAdjoint", () -> pass.backward(cache, delta, null, new DMatrixRMaj(I + 1, B), g));
        assertRejects("gradients", () -> pass.backward(cache, delta, null, null, null));
        assertRejects("gradients.weight_ih", () -> pass.backward(cache, delta, null, null,
                kind.create(I, H + 1).parameters()));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void jacobianTimesFrameRejectsBadColumnsFramesAndImages(CellKind kind) {
        BatchFixture f = new BatchFixture(kind.create(I, H), B, 0.5, RandomSource.seeded(4));
        CellPass pass = f.cell.newPass(B);
        BatchCache cache = pass.newCache();
        int n = f.cell.stateSize();
        DMatrixRMaj frame = new DMatrixRMaj(n, 2);
        assertRejects("cache", () -> pass.stateJacobianTimes(cache, 0, frame, null));
        pass.forward(f.previous, f.inputs, cache, null);
        assertRejects("column", () -> pass.stateJacobianTimes(cache, B, frame, null));
        assertRejects("column", () -> pass.stateJacobianTimes(cache, -1, frame, null));
        assertRejects("frame", () -> pass.stateJacobianTimes(cache, 0, new DMatrixRMaj(n + 1, 2), null));
        assertRejects("frame", () -> pass.stateJacobianTimes(cache, 0, null, null));
        assertRejects("image", () -> pass.stateJacobianTimes(cache, 0, frame, new DMatrixRMaj(n, 3)));
        assertRejects("image", () -> pass.stateJacobianTimes(cache, 0, frame, frame));
    }
}
