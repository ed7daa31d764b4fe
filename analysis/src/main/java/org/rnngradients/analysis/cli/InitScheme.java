package org.rnngradients.analysis.cli;

import org.ejml.dense.row.CommonOps_DDRM;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * How {@code --init} draws the recurrent weights W_hh (per gate block), each scaled by {@code --gain};
 * W_ih gets PyTorch's default U[±1/√H] and the biases are zero, except under {@code pytorch}, which is
 * PyTorch's default for everything (with W_hh then multiplied by the gain).
 */
enum InitScheme {
    /** PyTorch's default: every weight and bias U[±gain/√H] (biases U[±1/√H]). */
    pytorch,
    /** Gaussian N(0, gain²/H): the random-network ensemble of chaos studies (tanh is chaotic for gain &gt; 1). */
    gaussian,
    /** Haar-orthogonal blocks with every singular value equal to gain. */
    orthogonal,
    /** gain·I per block (IRNN: --cell rnn-relu --init identity). */
    identity,
    /** Xavier/Glorot uniform U[±gain·√(6/(2H))]. */
    xavier,
    /** He normal N(0, 2·gain²/H). */
    he;

    /** The initialiser of one H × H block of W_hh. */
    Initialiser recurrent(int hidden, double gain) {
        return switch (this) {
            case pytorch -> Initialiser.uniform(gain / Math.sqrt(hidden)); // used per block by Cells.initialise
            case gaussian -> Initialiser.scaledGaussian(gain);
            case orthogonal -> Initialiser.orthogonal(gain);
            case identity -> Initialiser.identity(gain);
            case xavier -> Initialiser.xavierUniform(gain);
            case he -> Initialiser.scaledGaussian(gain * Math.sqrt(2));
        };
    }

    /** Initialises {@code cell} from {@code random} with {@link Cells}, then scales W_hh by {@code gain} where needed. */
    void initialise(RecurrentCell cell, double gain, RandomSource random) {
        int hidden = cell.hiddenSize();
        if (this == pytorch) {
            Cells.initialisePyTorchDefault(cell, random);
            CommonOps_DDRM.scale(gain, cell.parameters().weightHh());
        } else {
            Cells.initialise(cell, recurrent(hidden, gain), Initialiser.pytorchDefault(hidden), random);
        }
    }
}
