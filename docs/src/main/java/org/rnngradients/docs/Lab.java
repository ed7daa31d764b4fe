package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.DecayFit;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.GradientProfile;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * The lab of text 002: ‖∂L_T/∂h_t‖ against t for one loss at the last step of a length-50 sequence,
 * for a tanh RNN, a GRU and an LSTM with PyTorch's default initialisation, averaged in log space over seeds.
 */
public final class Lab {

    /** Sequence length of the lab. */
    public static final int T = 50;
    /** Hidden size. */
    public static final int HIDDEN = 32;
    /** Input size. */
    public static final int INPUT = 8;
    /** Number of random networks averaged. */
    public static final int SEEDS = 16;

    private Lab() {
    }

    /** {@link #log10Profile(CellKind, double, long)} at PyTorch's default initialisation (no gate bias). */
    public static double[] log10Profile(CellKind kind, long seed) {
        return log10Profile(kind, 0, seed);
    }

    // tag::lab-profile[]
    /**
     * log₁₀‖∂L_T/∂h_t‖ for t = 1..T of one randomly initialised network driven by N(0, 1) inputs; a nonzero
     * {@code keepBias} is added to the gate that keeps the old state (LSTM forget gate, GRU update gate).
     */
    public static double[] log10Profile(CellKind kind, double keepBias, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        RecurrentCell cell = kind.create(INPUT, HIDDEN);
        Cells.initialisePyTorchDefault(cell, random.fork("init"));
        biasTheKeepGate(cell, kind, keepBias);
        DMatrixRMaj[] inputs = new DMatrixRMaj[T];
        for (int t = 0; t < T; t++) {
            inputs[t] = RandomMatrices.gaussian(INPUT, 1, random);
        }
        DMatrixRMaj target = RandomMatrices.gaussian(HIDDEN, 1, random);
        RnnModel model = new RnnModel(cell, new MeanSquaredError());   // L_T = loss(h_T, y)
        GradientProfile profile = new AdjointProfiler().profile(model, Sequence.lastStep(inputs, target), null);
        return profile.log10Norms();
    }
    // end::lab-profile[]

    /** Adds {@code bias} to the LSTM forget gate (b_ih, as PyTorch users do) or the GRU update gate z. */
    static void biasTheKeepGate(RecurrentCell cell, CellKind kind, double bias) {
        if (bias == 0) {
            return;
        }
        if (kind != CellKind.GRU && kind != CellKind.LSTM) {
            throw new IllegalArgumentException("kind must be GRU or LSTM for a gate bias, was " + kind);
        }
        DMatrixRMaj b = cell.parameters().biasIh();
        for (int k = 0; k < HIDDEN; k++) {
            b.data[HIDDEN + k] += bias;                 // block 1: z in (r, z, n), f in (i, f, g, o)
        }
    }

    /** The mean of {@link #log10Profile} over {@link #SEEDS} networks (a geometric mean of the norms). */
    public static double[] meanLog10Profile(CellKind kind) {
        return meanLog10Profile(kind, 0);
    }

    /** As {@link #meanLog10Profile(CellKind)} with the keep gate biased by {@code keepBias}. */
    public static double[] meanLog10Profile(CellKind kind, double keepBias) {
        double[] mean = new double[T];
        for (int s = 0; s < SEEDS; s++) {
            double[] p = log10Profile(kind, keepBias, 1000 + s);
            for (int t = 0; t < T; t++) {
                mean[t] += p[t] / SEEDS;
            }
        }
        return mean;
    }

    /** Orders of magnitude lost per 10 steps back from the loss: minus the fitted slope against T − t. */
    public static double ordersLostPerTenSteps(double[] log10Profile) {
        double[] distance = new double[log10Profile.length];
        for (int t = 0; t < distance.length; t++) {
            distance[t] = distance.length - 1 - t;
        }
        return -DecayFit.of(distance, log10Profile).ordersPerTenSteps();
    }

    /**
     * Orders of magnitude lost per 10 steps for a ReLU RNN with W_hh = g·I from a positive state and zero input:
     * every unit stays active, so J_t = g·I and only the recurrent matrix decides (ReLU does not saturate).
     */
    public static double reluIdentityRate(double g, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        RecurrentCell cell = CellKind.RNN_RELU.create(INPUT, HIDDEN);
        Cells.initialise(cell, org.rnngradients.linalg.Initialiser.identity(g),
                org.rnngradients.linalg.Initialiser.pytorchDefault(HIDDEN), random.fork("init"));
        DMatrixRMaj[] inputs = new DMatrixRMaj[T];
        for (int t = 0; t < T; t++) {
            inputs[t] = new DMatrixRMaj(INPUT, 1);
        }
        DMatrixRMaj h0 = new DMatrixRMaj(HIDDEN, 1);
        for (int i = 0; i < HIDDEN; i++) {
            h0.set(i, random.uniform(0.5, 1.0));
        }
        RnnModel model = new RnnModel(cell, new MeanSquaredError());
        GradientProfile profile = new AdjointProfiler().profile(model,
                Sequence.lastStep(inputs, new DMatrixRMaj(HIDDEN, 1)), h0);
        return ordersLostPerTenSteps(profile.log10Norms());
    }
}
