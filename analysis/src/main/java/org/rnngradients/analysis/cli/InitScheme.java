package org.rnngradients.analysis.cli;

import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * How {@code --init} draws the recurrent weights W_hh (per gate block), each scaled by {@code --gain};
 * W_ih always gets PyTorch's default U[±1/√H], the biases are zero except under {@code pytorch}.
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
            case pytorch -> Initialiser.uniform(gain / Math.sqrt(hidden));
            case gaussian -> Initialiser.scaledGaussian(gain);
            case orthogonal -> Initialiser.orthogonal(gain);
            case identity -> Initialiser.identity(gain);
            case xavier -> Initialiser.xavierUniform(gain);
            case he -> Initialiser.scaledGaussian(gain * Math.sqrt(2));
        };
    }

    /** Fills {@code p} (G gate blocks of hidden size H) from {@code random}: W_hh, then W_ih, then the biases. */
    void initialise(CellParameters p, int gates, int hidden, double gain, RandomSource random) {
        recurrent(hidden, gain).perBlock(gates).initialise(p.weightHh(), random.fork("weight_hh"));
        Initialiser.pytorchDefault(hidden).initialise(p.weightIh(), random.fork("weight_ih"));
        Initialiser bias = this == pytorch ? Initialiser.pytorchDefault(hidden) : Initialiser.zeros();
        bias.initialise(p.biasIh(), random.fork("bias_ih"));
        bias.initialise(p.biasHh(), random.fork("bias_hh"));
    }
}
