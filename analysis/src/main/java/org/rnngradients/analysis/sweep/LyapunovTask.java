package org.rnngradients.analysis.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;
import org.rnngradients.linalg.Spectra;

/**
 * λ_1 of the autonomous network of one sweep point: zero input at every step, a random initial state,
 * and the project's Gaussian initialisation at gain g. That initialisation is the command line's
 * {@code --init gaussian}: every H × H gate block of W_hh (one for a vanilla cell, r, z, n for a GRU,
 * i, f, g, o for an LSTM) has independent N(0, g²/N) entries, W_ih is PyTorch's default U[±1/√N]
 * (irrelevant here, the input being zero), and every bias is zero. The initial state s_0 ([h; c] for
 * an LSTM) has independent N(0, 1) entries.
 *
 * <p>Every random draw forks from {@code RandomSource.seeded(seed)} with the labels the command line
 * uses ("parameters", "initial-state", "lyapunov-frame"), so a point is reproduced exactly by
 * {@code rnn-gradients lyapunov --cell C --hidden N --init gaussian --gain g --seed s --input none
 * --h0 gaussian --warm-up W --steps T --interval M --exponents 1}. For a fixed seed and size, W_hh at
 * gain g is g times the draw at gain 1 (common random numbers across gains).
 *
 * @param warmUp   steps run before counting (&ge; 0)
 * @param steps    counted steps T (&gt; 0, a multiple of 2·interval so that T/2 is a record)
 * @param interval steps between re-orthonormalisations (&gt; 0)
 * @param radius   whether to compute ρ(W_hh) too (vanilla cells only; O(N³), slow for large N)
 */
public record LyapunovTask(int warmUp, int steps, int interval, boolean radius) implements PointTask {
    /** The input size of the autonomous networks (the input is zero, so its size does not matter). */
    static final int INPUT_SIZE = 1;

    /** Checks the settings; a bad one is named. */
    public LyapunovTask {
        Require.nonNegative(warmUp, "warmUp");
        Require.positive(steps, "steps");
        Require.positive(interval, "interval");
        if (steps % interval != 0 || steps / interval % 2 != 0) {      // 2 * interval may overflow an int
            throw new IllegalArgumentException("steps must be a multiple of 2 * interval = " + 2L * interval
                    + " (so that T/2 is a record), was " + steps);
        }
    }

    // tag::sweep-point-evaluation[]
    @Override
    public SweepResult evaluate(SweepPoint point) {
        SweepPoint p = Require.nonNull(point, "point");
        if (radius && p.cell().gates() != 1) {
            throw new IllegalArgumentException("the spectral radius is computed for vanilla cells only ("
                    + p.cell().cliName() + " has a " + p.cell().gates() + "N x N W_hh)");
        }
        RandomSource random = RandomSource.seeded(p.seed());
        RecurrentCell cell = p.cell().create(INPUT_SIZE, p.hidden());
        Cells.initialise(cell, Initialiser.scaledGaussian(p.gain()), Initialiser.pytorchDefault(p.hidden()),
                random.fork("parameters"));
        DMatrixRMaj s0 = RandomMatrices.gaussian(new DMatrixRMaj(cell.stateSize(), 1), 1.0, random.fork("initial-state"));
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.constant(new DMatrixRMaj(INPUT_SIZE, 1)), s0);
        LyapunovResult r = new LyapunovSpectrum(1, warmUp, steps, interval, random.fork("lyapunov-frame").seed())
                .compute(trajectory);
        double half = r.runningEstimate(steps / (2 * interval) - 1)[0];
        double rho = radius ? Spectra.spectralRadius(cell.parameters().weightHh()) : Double.NaN;
        return new SweepResult(p, r.largest(), half, meanSquare(trajectory.state()), rho);
    }
    // end::sweep-point-evaluation[]

    private static double meanSquare(DMatrixRMaj s) {
        double sum = 0;
        for (int i = 0; i < s.getNumElements(); i++) {
            sum += s.data[i] * s.data[i];
        }
        return sum / s.getNumElements();
    }

    @Override
    public Map<String, Long> settings() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("warm_up", (long) warmUp);
        m.put("steps", (long) steps);
        m.put("interval", (long) interval);
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean computesSpectralRadius() {
        return radius;
    }
}
