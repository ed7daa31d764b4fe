package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.cells.BadInputTest.assertRejects;
import static org.rnngradients.cells.CellPassTest.assertAgrees;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnngradients.linalg.FiniteDifferences;
import org.rnngradients.linalg.RandomSource;

/**
 * The time-batched unroll against B independent batch-1 reference runs (1e-12, the metric of
 * {@link CellPassTest}) and against central finite differences, for batches of equal and of different
 * lengths. The differences use the metric of {@link FiniteDifferenceTest} (floor 1e-2, tolerance 1e-7)
 * with step h = 1e-5 rather than 1e-6: the loss here sums some 40 order-one terms (|L| up to ≈ 10), so
 * the rounding of a central difference, ε·|L|/h, would reach 2e-9 absolute (2e-7 at the floor) with
 * h = 1e-6; with h = 1e-5 it is 2e-10 and the truncation error h²·f‴/6 stays near 1e-10.
 */
class UnrollTest {
    static final int I = 3;
    static final int H = 4;
    static final double STEP = 1e-5;

    static Stream<CellKind> kinds() {
        return Stream.of(CellKind.values());
    }

    private static UnrollProblem problem(CellKind kind, int[] lengths, long seed) {
        return new UnrollProblem(kind.create(I, H), lengths, 0.7, RandomSource.seeded(seed).fork(kind.cliName()));
    }

    static void assertGradientsAgree(UnrollProblem.Gradient expected, UnrollProblem.Gradient actual, String what) {
        assertEquals(expected.loss, actual.loss, 1e-12 * Math.max(1, Math.abs(expected.loss)), what + " loss");
        for (String name : expected.parameters.names()) {
            assertAgrees(expected.parameters.get(name), actual.parameters.get(name), what + " " + name);
        }
        assertAgrees(expected.initial, actual.initial, what + " initial-state gradient");
        assertAgrees(expected.finalStates, actual.finalStates, what + " final states");
        for (int b = 0; b < expected.inputs.length; b++) {
            for (int t = 0; t < expected.inputs[b].length; t++) {
                assertAgrees(expected.inputs[b][t], actual.inputs[b][t], what + " dx column " + b + " step " + (t + 1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unrolledGradientsEqualPerSequenceGradients(CellKind kind) {
        for (int[] lengths : new int[][] {{6}, {4, 4, 4}, {3, 7, 1, 7, 5}}) {
            UnrollProblem p = problem(kind, lengths, lengths.length);
            assertGradientsAgree(p.byReference(), p.byUnroll(), kind + " lengths " + java.util.Arrays.toString(lengths));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void unrolledGradientsMatchFiniteDifferences(CellKind kind) {
        UnrollProblem p = problem(kind, new int[] {4, 2, 5}, 11);
        UnrollProblem.Gradient g = p.byUnroll();
        for (String name : p.cell.parameters().names()) {
            assertMatchesDifferences(g.parameters.get(name), p.cell.parameters().get(name), p, kind + " " + name);
        }
        assertMatchesDifferences(g.initial, p.initial, p, kind + " initial state");
        assertMatchesDifferences(g.inputs[1][0], p.inputs[1][0], p, kind + " x_1 of column 1");
        assertMatchesDifferences(g.inputs[2][4], p.inputs[2][4], p, kind + " x_5 of column 2");
    }

    /** Central differences of L with respect to the live matrix {@code x} (restored afterwards). */
    private static void assertMatchesDifferences(DMatrixRMaj analytic, DMatrixRMaj x, UnrollProblem p, String what) {
        DMatrixRMaj original = x.copy();
        DMatrixRMaj numeric = FiniteDifferences.gradient(v -> {
            x.setTo(v);
            return p.loss();
        }, original, STEP, new DMatrixRMaj(x.numRows, x.numCols));
        x.setTo(original);
        double e = FiniteDifferences.maxRelativeError(analytic, numeric, 1e-2);
        assertTrue(e <= 1e-7, what + ": max relative error " + e);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aReusedUnrollGivesTheResultsOfAFreshOne(CellKind kind) {
        UnrollProblem longer = problem(kind, new int[] {6, 3}, 21);
        UnrollProblem shorter = new UnrollProblem(longer.cell, new int[] {2, 4}, 0.7, RandomSource.seeded(22));
        Unroll unroll = new Unroll(longer.cell.newPass(2));
        longer.byUnroll(unroll);
        UnrollProblem.Gradient reused = shorter.byUnroll(unroll);
        UnrollProblem.Gradient fresh = shorter.byUnroll();
        assertArrayEquals(fresh.parameters.weightHh().data, reused.parameters.weightHh().data, 0.0);
        assertArrayEquals(fresh.initial.data, reused.initial.data, 0.0);
        assertArrayEquals(fresh.inputs[1][3].data, reused.inputs[1][3].data, 0.0);
    }

    @Test
    void stepsMustRunInOrder() {
        UnrollProblem p = problem(CellKind.GRU, new int[] {3, 2}, 31);
        Unroll unroll = new Unroll(p.cell.newPass(2));
        DMatrixRMaj s = p.initial.copy();
        assertThrows(IllegalStateException.class, () -> unroll.forward(1, s, null));
        unroll.begin(p.lengths);
        assertThrows(IllegalStateException.class, () -> unroll.forward(2, s, null));
        unroll.forward(1, s, s);
        assertThrows(IllegalStateException.class, () -> unroll.backward(1, s, null));
        assertThrows(IllegalStateException.class, () -> unroll.input(1, 0, p.inputs[0][0]));
        unroll.forward(2, s, s);
        unroll.forward(3, s, s);
        assertThrows(IllegalStateException.class, () -> unroll.forward(4, s, null));
        assertThrows(IllegalStateException.class, () -> unroll.backward(2, s, null));
        assertThrows(IllegalStateException.class, () -> unroll.accumulateGradients(p.cell.parameters().zerosLike()));
        assertThrows(IllegalStateException.class, () -> unroll.inputGradient(1, 0, null));
    }

    @Test
    void badArgumentsAreRejectedByName() {
        UnrollProblem p = problem(CellKind.LSTM, new int[] {3, 2}, 41);
        Unroll unroll = new Unroll(p.cell.newPass(2));
        assertRejects("pass", () -> new Unroll(null));
        assertRejects("lengths", () -> unroll.begin(new int[] {3}));
        assertRejects("lengths[1]", () -> unroll.begin(new int[] {3, 0}));
        unroll.begin(p.lengths);
        assertRejects("t", () -> unroll.input(3, 1, p.inputs[0][0]));
        assertRejects("column", () -> unroll.input(1, 2, p.inputs[0][0]));
        assertRejects("x", () -> unroll.input(1, 0, new DMatrixRMaj(I + 1, 1)));
        DMatrixRMaj nan = p.inputs[0][0].copy();
        nan.data[0] = Double.NaN;
        assertRejects("x", () -> unroll.input(1, 0, nan));
        assertRejects("previous", () -> unroll.forward(1, new DMatrixRMaj(2 * H, 3), null));
        DMatrixRMaj bad = p.initial.copy();
        bad.data[0] = Double.POSITIVE_INFINITY;
        assertRejects("previous", () -> unroll.forward(1, bad, null));
        DMatrixRMaj s = unroll.forward(1, p.initial, null);
        unroll.forward(2, s, s);
        unroll.forward(3, s, s);
        assertRejects("adjoint", () -> unroll.backward(3, new DMatrixRMaj(H, 2), null));
        assertRejects("previousAdjoint", () -> unroll.backward(3, s, s));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmUnrolledPassesAllocateNothing(CellKind kind) {
        UnrollProblem p = problem(kind, new int[] {10, 7, 10, 3}, 51);
        Unroll unroll = new Unroll(p.cell.newPass(4));
        int n = p.cell.stateSize();
        DMatrixRMaj[] states = new DMatrixRMaj[p.steps + 1];
        for (int t = 0; t <= p.steps; t++) {
            states[t] = new DMatrixRMaj(n, 4);
        }
        DMatrixRMaj delta = new DMatrixRMaj(n, 4);
        DMatrixRMaj previous = new DMatrixRMaj(n, 4);
        DMatrixRMaj dx = new DMatrixRMaj(I, 1);
        CellParameters gradients = p.cell.parameters().zerosLike();
        Consumer<Unroll> pass = u -> {
            u.begin(p.lengths);
            for (int b = 0; b < 4; b++) {
                for (int t = 1; t <= p.lengths[b]; t++) {
                    u.input(t, b, p.inputs[b][t - 1]);
                }
            }
            states[0].setTo(p.initial);
            for (int t = 1; t <= p.steps; t++) {
                u.forward(t, states[t - 1], states[t]);
            }
            delta.fill(0.5);
            for (int t = p.steps; t >= 1; t--) {
                u.backward(t, t % 2 == 0 ? delta : previous, t % 2 == 0 ? previous : delta);
            }
            u.accumulateGradients(gradients);
            u.inputGradient(2, 1, dx);
        };
        AllocationTest.assertWarmStepsAllocateNothing(kind + " unrolled pass of 10 steps", () -> pass.accept(unroll));
    }
}
