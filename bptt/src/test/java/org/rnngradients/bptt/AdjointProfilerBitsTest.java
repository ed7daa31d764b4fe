package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.LogSpace;

/**
 * The profiler's state-only backward steps leave its profile bit for bit as it was when every step
 * also accumulated parameter gradients (the earlier implementation, re-run here step by step).
 */
class AdjointProfilerBitsTest {

    /** The profile as the profiler computed it with full backward steps (parameter gradients discarded). */
    private static double[] withFullBackwardSteps(RnnModel model, Sequence sequence) {
        RecurrentCell cell = model.cell();
        int steps = sequence.length();
        DMatrixRMaj[] states = Checks.states(steps, cell.stateSize());
        StepCache[] caches = new StepCache[steps + 1];
        for (int t = 1; t <= steps; t++) {
            caches[t] = cell.newCache();
            cell.forward(states[t - 1], sequence.input(t), caches[t], states[t]);
        }
        OutputLayer out = new OutputLayer(model);
        ModelGradients discarded = model.newGradients();
        DMatrixRMaj u = new DMatrixRMaj(cell.stateSize(), 1);
        DMatrixRMaj next = new DMatrixRMaj(cell.stateSize(), 1);
        DMatrixRMaj g = new DMatrixRMaj(cell.stateSize(), 1);
        double[] logNorms = new double[steps];
        double logScale = Double.NEGATIVE_INFINITY;
        for (int t = steps; t >= 1; t--) {
            if (sequence.target(t) != null) {
                g.zero();
                out.injectLossGradient(states[t], sequence.target(t), discarded, g);
                logScale = AdjointProfiler.addAtCommonScale(u, logScale, g);
            }
            logNorms[t - 1] = logScale + LogSpace.logNorm(u.data, cell.hiddenSize());
            cell.backward(caches[t], u, next, null, discarded.cell());
            logScale += LogSpace.normalise(next);
            DMatrixRMaj swap = u;
            u = next;
            next = swap;
        }
        return logNorms;
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void profilesKeepTheirBits(CellKind kind) {
        RnnModel model = Fixtures.model(kind, 3, 6, 2, new MeanSquaredError(), 91);
        Sequence sequence = Fixtures.sequence(60, 3, 2, true, false, 92);
        assertArrayEquals(withFullBackwardSteps(model, sequence),
                new AdjointProfiler().profile(model, sequence, null).logNorms(), 0.0);
    }

    /**
     * The time-batched profiler against the reference, over 300 steps of a network with small and one
     * with large recurrent weights: log-norms agree to 1e-10 absolute, i.e. the norms to 1e-10 relative
     * (each step's renormalised adjoint carries a rounding difference of order 1e-16, and ℓ sums 300 of
     * them). Not for chaotic networks: there the two forward trajectories themselves separate at the
     * largest Lyapunov exponent (W_hh scaled by 12 makes this LSTM separate by 5e-7 in 300 steps).
     */
    @ParameterizedTest
    @EnumSource(CellKind.class)
    void theTimeBatchedProfilerAgreesWithTheReference(CellKind kind) {
        for (double scale : new double[] {0.5, 2.0}) {
            RnnModel model = Fixtures.model(kind, 3, 6, 2, new MeanSquaredError(), 96);
            org.ejml.dense.row.CommonOps_DDRM.scale(scale * 4, model.cell().parameters().weightHh());
            Sequence sequence = Fixtures.sequence(300, 3, 2, false, false, 97);
            double[] expected = new AdjointProfiler().profile(model, sequence, null).logNorms();
            double[] actual = AdjointProfiler.timeBatched().profile(model, sequence, null).logNorms();
            for (int t = 0; t < expected.length; t++) {
                org.junit.jupiter.api.Assertions.assertEquals(expected[t], actual[t], 1e-10, kind + " scale " + scale + " t=" + (t + 1));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void readoutOutputsAllocateWhenNull() {
        RnnModel model = Fixtures.model(CellKind.GRU, 3, 4, 2, new MeanSquaredError(), 93);
        Readout r = model.readout();
        DMatrixRMaj h = Fixtures.state(4, 94);
        DMatrixRMaj y = new DMatrixRMaj(2, 1);
        assertSame(y, r.forward(h, y));
        assertArrayEquals(y.data, r.forward(h, null).data, 0.0);
        DMatrixRMaj dy = Fixtures.state(2, 95);
        DMatrixRMaj dh = new DMatrixRMaj(4, 1);
        assertSame(dh, r.backward(h, dy, new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 1), dh));
        assertArrayEquals(dh.data, r.backward(h, dy, new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 1), null).data, 0.0);
    }
}
