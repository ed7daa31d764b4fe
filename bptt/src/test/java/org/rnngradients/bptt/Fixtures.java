package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** Seeded models and sequences shared by the engine tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A cell of {@code kind} with PyTorch-default weights scaled up to give an O(1) gradient signal. */
    public static RecurrentCell cell(CellKind kind, int inputSize, int hiddenSize, long seed) {
        RecurrentCell cell = kind.create(inputSize, hiddenSize);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed));
        return cell;
    }

    /** A model with a readout to {@code outputSize} outputs. */
    public static RnnModel model(CellKind kind, int inputSize, int hiddenSize, int outputSize, Loss loss, long seed) {
        RecurrentCell cell = cell(kind, inputSize, hiddenSize, seed);
        Readout readout = Readout.initialised(hiddenSize, outputSize, Initialiser.xavierUniform(1.0),
                RandomSource.seeded(seed).fork("readout"));
        RandomMatrices.uniform(readout.bias(), 0.1, RandomSource.seeded(seed).fork("readout-bias"));
        return new RnnModel(cell, readout, loss);
    }

    /** Gaussian inputs; targets at every step (every = true) or only the last; one-hot targets when {@code oneHot}. */
    public static Sequence sequence(int length, int inputSize, int targetSize, boolean every, boolean oneHot, long seed) {
        RandomSource random = RandomSource.seeded(seed).fork("sequence");
        DMatrixRMaj[] inputs = new DMatrixRMaj[length];
        DMatrixRMaj[] targets = new DMatrixRMaj[length];
        for (int t = 0; t < length; t++) {
            inputs[t] = RandomMatrices.gaussian(inputSize, 1, random);
            if (every || t == length - 1) {
                targets[t] = oneHot ? oneHot(random.nextInt(targetSize), targetSize) : RandomMatrices.gaussian(targetSize, 1, random);
            }
        }
        return Sequence.of(inputs, targets);
    }

    /** A random state s_0 of {@code size} entries, U[−0.5, 0.5]. */
    public static DMatrixRMaj state(int size, long seed) {
        return RandomMatrices.uniform(new DMatrixRMaj(size, 1), 0.5, RandomSource.seeded(seed).fork("state"));
    }

    /** s_steps from the zero state, by running the cell directly. */
    public static DMatrixRMaj stateAfter(RnnModel model, Sequence seq, int steps) {
        DMatrixRMaj s = model.zeroState();
        DMatrixRMaj next = model.zeroState();
        org.rnngradients.cells.StepCache cache = model.cell().newCache();
        for (int t = 1; t <= steps; t++) {
            model.cell().forward(s, seq.input(t), cache, next);
            s.setTo(next);
        }
        return s;
    }

    static DMatrixRMaj oneHot(int index, int size) {
        DMatrixRMaj v = new DMatrixRMaj(size, 1);
        v.data[index] = 1;
        return v;
    }

    /** max over all entries of |a − b| / max(|a|, |b|, floor), over every parameter. */
    public static double maxRelativeError(ParameterSet a, ParameterSet b, double floor) {
        double worst = 0;
        for (int k = 0; k < a.tensors().size(); k++) {
            worst = Math.max(worst, org.rnngradients.linalg.FiniteDifferences.maxRelativeError(
                    a.tensors().get(k), b.tensors().get(k), floor));
        }
        return worst;
    }

    /** max over all entries of |a − b|. */
    public static double maxAbsDifference(ParameterSet a, ParameterSet b) {
        ParameterSet d = a.copy();
        d.addScaled(-1, b);
        return d.maxAbs();
    }
}
