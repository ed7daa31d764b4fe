package org.rnngradients.cells;

import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;
import org.rnngradients.linalg.internal.Require;

/**
 * Parameter initialisation for any {@link RecurrentCell}. Each tensor draws from its own fork of the
 * random source (labelled by the tensor's PyTorch name), so changing one initialiser never shifts the
 * numbers another tensor receives.
 */
public final class Cells {
    private Cells() {
    }

    /** PyTorch's default for {@code nn.RNN}, {@code nn.GRU} and {@code nn.LSTM}: every weight and bias U[±1/√H]. */
    public static void initialisePyTorchDefault(RecurrentCell cell, RandomSource random) {
        Require.nonNull(cell, "cell");
        Require.nonNull(random, "random");
        Initialiser init = Initialiser.pytorchDefault(cell.hiddenSize());
        CellParameters p = cell.parameters();
        for (String name : p.names()) {
            init.initialise(p.get(name), random.fork(name));
        }
        cell.validateParameters();
    }

    /**
     * {@code recurrent} for {@code weight_hh} and {@code input} for {@code weight_ih}, each applied to
     * every gate block separately (e.g. an orthogonal block per LSTM gate, not one across the fused
     * matrix), and zero biases. Set an LSTM's forget-gate bias afterwards if wanted.
     */
    public static void initialise(RecurrentCell cell, Initialiser recurrent, Initialiser input, RandomSource random) {
        Require.nonNull(cell, "cell");
        Require.nonNull(recurrent, "recurrent");
        Require.nonNull(input, "input");
        Require.nonNull(random, "random");
        CellParameters p = cell.parameters();
        int gates = p.weightHh().numRows / cell.hiddenSize();
        // tag::initialise-per-gate-block[]
        recurrent.perBlock(gates).initialise(p.weightHh(), random.fork(CellParameters.WEIGHT_HH));
        input.perBlock(gates).initialise(p.weightIh(), random.fork(CellParameters.WEIGHT_IH));
        p.biasIh().zero();
        p.biasHh().zero();
        // end::initialise-per-gate-block[]
        cell.validateParameters();
    }
}
