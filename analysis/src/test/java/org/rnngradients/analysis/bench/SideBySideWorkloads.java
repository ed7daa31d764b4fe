package org.rnngradients.analysis.bench;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.bptt.AdjointProfiler;
import org.rnngradients.bptt.BatchedBptt;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.optim.Adam;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.ProgressListener;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.Unroll;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.MatrixProducts;
import org.rnngradients.linalg.PositiveQr;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.ResidentMatrix;

/**
 * The workloads of the side-by-side comparison ({@code docs/src/bench/compare.sh}), in this project, each as a
 * named action timed by {@link SideBySide}. Their PyTorch and NumPy twins are in {@code docs/src/bench/workloads.py}
 * under the same names; sizes, shapes and algorithms match (float64 throughout). Each action uses the fastest
 * path the project offers for it (time-batched and batched engines, resident W_hh, the frame step J·Q).
 */
final class SideBySideWorkloads {
    /**
     * A timed action: its name (shared with workloads.py), its in-process warm-up and measured runs, the work, and
     * how many operations one run does (the reported time is per operation).
     */
    record Workload(String name, int warmUp, int runs, Runnable action, int operations) {
        Workload(String name, int warmUp, int runs, Runnable action) {
            this(name, warmUp, runs, action, 1);
        }
    }

    private SideBySideWorkloads() {
    }

    /** Every workload, in the order they run. */
    static List<Workload> all(boolean scans) {
        List<Workload> list = new ArrayList<>();
        for (int h : new int[] {64, 256}) {
            list.add(new Workload("p1-forward-H" + h, 2, 5, sequenceForward(h, 1000)));
            list.add(new Workload("p1-bptt-H" + h, 2, 5, sequenceGradient(h, 1000)));
            list.add(new Workload("p1-profile-H" + h, 2, 5, sequenceProfile(h, 1000)));
        }
        list.add(new Workload("p2-batched-lstm", 3, 7, batchedLstm()));
        list.add(new Workload("p3-lyapunov-full-N256", 1, 1, lyapunov(256, 256)));
        list.add(new Workload("p4-lyapunov-top10-N1000", 1, 1, lyapunov(1000, 10)));
        list.add(new Workload("p7-training-step", 2, 5, trainingSteps(10), 10));
        list.addAll(kernels());
        if (scans) {
            for (int h : new int[] {16, 32, 64, 128, 256, 512}) {
                list.add(new Workload("scan-H" + h + "-T200", 2, 3, sequenceGradient(h, 200)));
            }
            for (int t : new int[] {125, 250, 500, 1000, 2000, 4000}) {
                list.add(new Workload("scan-H64-T" + t, 2, 3, sequenceGradient(64, t)));
            }
        }
        return list;
    }

    /** A seeded LSTM with a 1-output readout, input size 32, PyTorch's default initialisation. */
    static RnnModel lstmWithReadout(int inputSize, int hidden) {
        RecurrentCell cell = CellKind.LSTM.create(inputSize, hidden);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(1));
        Readout readout = Readout.initialised(hidden, 1, Initialiser.xavierUniform(1.0), RandomSource.seeded(2));
        return new RnnModel(cell, readout, new MeanSquaredError());
    }

    /** Gaussian inputs of size 32 for T steps and a Gaussian target of size {@code targetSize} at the last step or every step. */
    static Sequence gaussianSequence(int length, int targetSize, boolean everyStep, long seed) {
        RandomSource random = RandomSource.seeded(seed);
        DMatrixRMaj[] inputs = new DMatrixRMaj[length];
        DMatrixRMaj[] targets = new DMatrixRMaj[length];
        for (int t = 0; t < length; t++) {
            inputs[t] = RandomMatrices.gaussian(32, 1, random);
            if (everyStep || t == length - 1) {
                targets[t] = RandomMatrices.gaussian(targetSize, 1, random);
            }
        }
        return Sequence.of(inputs, targets);
    }

    /** P1 forward: the time-batched unrolled pass (all input projections as one GEMM, W_hh resident). */
    static Runnable sequenceForward(int hidden, int length) {
        RnnModel model = lstmWithReadout(32, hidden);
        Sequence sequence = gaussianSequence(length, 1, false, 3);
        Unroll unroll = new Unroll(model.cell().newPass(1));
        DMatrixRMaj[] states = {model.zeroState(), model.zeroState()};
        return () -> {
            unroll.begin(new int[] {length});
            for (int t = 1; t <= length; t++) {
                unroll.input(t, 0, sequence.input(t));
            }
            states[0].zero();
            for (int t = 1; t <= length; t++) {
                unroll.forward(t, states[(t - 1) & 1], states[t & 1]);
            }
        };
    }

    /**
     * P1 full BPTT and the scans: the exact parameter gradient of the last-step loss, time-batched engine,
     * B = 1 (like PyTorch's backward(), no input gradients or profile).
     */
    static Runnable sequenceGradient(int hidden, int length) {
        RnnModel model = lstmWithReadout(32, hidden);
        Sequence[] sequence = {gaussianSequence(length, 1, false, 3)};
        BatchedBptt engine = new BatchedBptt();
        return () -> engine.parameterGradient(model, sequence);
    }

    /** P1 profile: ‖∂L/∂h_t‖ for every t, state-only backward steps, time-batched. */
    static Runnable sequenceProfile(int hidden, int length) {
        RnnModel model = lstmWithReadout(32, hidden);
        Sequence sequence = gaussianSequence(length, 1, false, 3);
        AdjointProfiler profiler = AdjointProfiler.timeBatched();
        return () -> profiler.profile(model, sequence, null);
    }

    /** P2: LSTM H = 128, B = 32, T = 100, input 32, squared error of h against a target at every step. */
    static Runnable batchedLstm() {
        RecurrentCell cell = CellKind.LSTM.create(32, 128);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(1));
        RnnModel model = new RnnModel(cell, new MeanSquaredError());
        Sequence[] batch = new Sequence[32];
        for (int b = 0; b < batch.length; b++) {
            batch[b] = gaussianSequence(100, 128, true, 10 + b);
        }
        BatchedBptt engine = new BatchedBptt();
        return () -> engine.parameterGradient(model, batch);      // what PyTorch computes: the losses and dθ only
    }

    /** P3 and P4: the k largest exponents of a tanh RNN (input 4, W ~ N(0, 1.5²/N)), T = 1000, QR every step. */
    static Runnable lyapunov(int n, int k) {
        RecurrentCell cell = CellKind.RNN_TANH.create(4, n);
        Cells.initialise(cell, Initialiser.scaledGaussian(1.5), Initialiser.xavierUniform(1.0), RandomSource.seeded(n));
        LyapunovSpectrum spectrum = new LyapunovSpectrum(k, 0, 1000, 1);
        return () -> spectrum.compute(new CellTrajectory(cell, InputSequence.gaussian(4, 1.0, RandomSource.seeded(7)),
                new DMatrixRMaj(n, 1)));
    }

    /** P7: {@code steps} training steps (batch draw, mean gradient, global-norm clip at 1, Adam), LSTM H = 32, B = 16. */
    static Runnable trainingSteps(int steps) {
        AddingProblem task = AddingProblem.sumForm(100);
        RnnModel model = lstmWithReadout(2, 32);
        TrainingConfig config = new TrainingConfig(steps, 16, 3, new FullBptt(), new Adam(1e-3),
                GradientClipper.globalNorm(1));
        return () -> Trainer.train(model, task, config, ProgressListener.none());
    }

    /**
     * The kernels behind the workloads, a large GEMM for the machine's attainable peak, and P1's recurrent
     * matrix–vector products (the floor under a batch-1 step: W_hh streams from memory at every step).
     */
    static List<Workload> kernels() {
        RandomSource random = RandomSource.seeded(5);
        DMatrixRMaj a2048 = RandomMatrices.gaussian(2048, 2048, random);
        DMatrixRMaj c2048 = new DMatrixRMaj(2048, 2048);
        DMatrixRMaj a256 = RandomMatrices.gaussian(256, 256, random);
        DMatrixRMaj b256 = RandomMatrices.gaussian(256, 256, random);
        DMatrixRMaj c256 = new DMatrixRMaj(256, 256);
        ResidentMatrix w1000 = ResidentMatrix.of(RandomMatrices.gaussian(1000, 1000, random));
        DMatrixRMaj q1000 = RandomMatrices.gaussian(1000, 10, random);
        DMatrixRMaj image = new DMatrixRMaj(1000, 10);
        ResidentMatrix whh = ResidentMatrix.of(RandomMatrices.gaussian(512, 128, random));
        DMatrixRMaj h32 = RandomMatrices.gaussian(128, 32, random);
        DMatrixRMaj z32 = new DMatrixRMaj(512, 32);
        ResidentMatrix w1024 = ResidentMatrix.of(RandomMatrices.gaussian(1024, 256, random));   // P1's W_hh, H = 256
        DMatrixRMaj v256 = RandomMatrices.gaussian(256, 1, random);
        DMatrixRMaj y1024 = new DMatrixRMaj(1024, 1);
        ResidentMatrix w256 = ResidentMatrix.of(RandomMatrices.gaussian(256, 64, random));      // and H = 64
        DMatrixRMaj v64 = RandomMatrices.gaussian(64, 1, random);
        DMatrixRMaj y256 = new DMatrixRMaj(256, 1);
        PositiveQr qr = new PositiveQr(256, 256);
        DMatrixRMaj q256 = new DMatrixRMaj(256, 256);
        DMatrixRMaj r256 = new DMatrixRMaj(256, 256);
        return List.of(
                new Workload("kernel-gemm-2048", 1, 3, () -> MatrixProducts.mult(a2048, a2048, c2048)),
                new Workload("kernel-gemm-256", 20, 50, () -> MatrixProducts.mult(a256, b256, c256)),
                new Workload("kernel-frame-1000x10", 20, 50, () -> w1000.mult(q1000, image)),
                new Workload("kernel-lstm-step-512x128x32", 50, 200, () -> whh.mult(h32, z32)),
                new Workload("kernel-qr-256", 10, 30, () -> qr.decompose(a256, q256, r256)),
                new Workload("kernel-gemv-1024x256", 200, 1000, () -> w1024.mult(v256, y1024)),
                new Workload("kernel-gemv-256x64", 500, 2000, () -> w256.mult(v64, y256)));
    }
}
