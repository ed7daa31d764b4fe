package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.linalg.RandomSource;

/**
 * What an {@link Unroll} hands out besides its gradients: its step caches work like a forward step's, the input
 * gradients of a column come as one matrix or step by step alike, a new batch starts from zero inputs, and its
 * memory is what its caches and all-steps matrices hold.
 */
class UnrollContractsTest {
    private static final int I = 2;
    private static final int H = 3;
    private static final int B = 2;

    private static Unroll unroll(CellKind kind, int[] lengths, boolean setInputs) {
        RecurrentCell cell = kind.create(I, H);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(6));
        Unroll u = new Unroll(cell.newPass(B));
        u.begin(lengths);
        if (setInputs) {
            RandomSource random = RandomSource.seeded(7);
            for (int b = 0; b < B; b++) {
                for (int t = 1; t <= lengths[b]; t++) {
                    u.input(t, b, BatchFixture.random(I, 1, random));
                }
            }
        }
        return u;
    }

    private static DMatrixRMaj[] forward(Unroll u) {
        DMatrixRMaj[] states = new DMatrixRMaj[u.steps() + 1];
        states[0] = BatchFixture.random(u.pass().cell().stateSize(), B, RandomSource.seeded(8));
        for (int t = 1; t <= u.steps(); t++) {
            states[t] = u.forward(t, states[t - 1], null);
        }
        return states;
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU", "LSTM"})
    void aStepCacheOfTheUnrollServesTheBackwardStepLikeAForwardStepsCache(CellKind kind) {
        Unroll u = unroll(kind, new int[] {3, 3}, true);
        DMatrixRMaj[] states = forward(u);
        CellPass pass = u.pass();
        int n = pass.cell().stateSize();
        DMatrixRMaj adjoint = BatchFixture.random(n, B, RandomSource.seeded(9));
        CellParameters viaUnroll = pass.cell().parameters().zerosLike();
        DMatrixRMaj fromUnroll = pass.backward(u.cache(2), adjoint, null, null, viaUnroll);
        BatchCache own = pass.newCache();
        DMatrixRMaj x2 = new DMatrixRMaj(I, B);
        RandomSource random = RandomSource.seeded(7);
        DMatrixRMaj[] x = new DMatrixRMaj[6];
        for (int k = 0; k < 6; k++) {
            x[k] = BatchFixture.random(I, 1, random);       // the order input() received them: b = 0 (t 1..3), b = 1
        }
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < I; i++) {
                x2.set(i, b, x[3 * b + 1].get(i));
            }
        }
        pass.forward(states[1], x2, own, null);
        CellParameters viaForward = pass.cell().parameters().zerosLike();
        DMatrixRMaj fromForward = pass.backward(own, adjoint, null, null, viaForward);
        // the two forward steps project the inputs in different GEMMs, so the gates agree to rounding only
        assertArrayEquals(fromForward.data, fromUnroll.data, 1e-14);
        for (String name : viaForward.names()) {
            assertArrayEquals(viaForward.get(name).data, viaUnroll.get(name).data, 1e-14, name);
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_RELU", "GRU", "LSTM"})
    void aColumnsInputGradientsComeAsOneMatrixOrStepByStepAlike(CellKind kind) {
        int[] lengths = {4, 2};
        Unroll u = unroll(kind, lengths, true);
        forward(u);
        DMatrixRMaj adjoint = BatchFixture.random(u.pass().cell().stateSize(), B, RandomSource.seeded(10));
        for (int t = u.steps(); t >= 1; t--) {
            adjoint = u.backward(t, adjoint, null);
        }
        for (int b = 0; b < B; b++) {
            DMatrixRMaj all = u.inputGradients(b, null);
            assertEquals(lengths[b], all.numCols);
            for (int t = 1; t <= lengths[b]; t++) {
                DMatrixRMaj one = u.inputGradient(t, b, null);
                for (int i = 0; i < I; i++) {
                    assertEquals(one.get(i), all.get(i, t - 1), 0, "column " + b + ", step " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU"})
    void aNewBatchStartsFromZeroInputs(CellKind kind) {
        Unroll used = unroll(kind, new int[] {3, 3}, true);
        forward(used);
        used.begin(new int[] {3, 3});
        DMatrixRMaj[] reused = forward(used);
        DMatrixRMaj[] fresh = forward(unroll(kind, new int[] {3, 3}, false));
        assertArrayEquals(fresh[3].data, reused[3].data, 0);
    }

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU", "LSTM"})
    void theBytesAreThoseOfTheCachesAndTheAllStepsMatrices(CellKind kind) {
        Unroll u = unroll(kind, new int[] {5, 2}, true);
        CellPass pass = u.pass();
        assertSame(pass, u.pass());
        assertEquals(5, u.steps());
        long caches = 0;
        for (int t = 1; t <= 5; t++) {
            forwardTo(u, t);
            caches += u.cache(t).bytes();
        }
        int rows = 5 * B;
        int gates = kind.gates() * H;
        long matrices = bytes(rows * I) + bytes(rows * gates) + bytes(rows * H) + bytes(rows * gates) + bytes(B * I)
                + (kind == CellKind.GRU ? bytes(rows * gates) : 0);
        assertEquals(caches + matrices, u.bytes());
    }

    private static void forwardTo(Unroll u, int t) {
        u.forward(t, new DMatrixRMaj(u.pass().cell().stateSize(), B), null);
    }

    private static long bytes(int entries) {
        return 16 + 8L * entries;
    }
}
