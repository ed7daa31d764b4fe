package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A weight initialiser: fills a matrix in place from a seeded {@link RandomSource}. Fan-in is the
 * number of columns and fan-out the number of rows (PyTorch's convention for {@code weight_hh}).
 * {@link #perBlock(int)} applies it to each row block of a fused gate matrix separately.
 *
 * <p>The factories check their parameters at once, and the returned initialisers check {@code w}
 * (non-null, non-empty) and {@code random} (non-null) on every call, naming the argument.
 */
@FunctionalInterface
public interface Initialiser {

    /** Fills {@code w} in place. */
    void initialise(DMatrixRMaj w, RandomSource random);

    /** U[−a, a]. */
    static Initialiser uniform(double a) {
        Require.positive(a, "a");
        return random((w, random) -> RandomMatrices.uniform(w, a, random));
    }

    // tag::pytorch-default-init[]
    /** PyTorch's default for RNN, GRU and LSTM weights and biases: U[±1/√H] for hidden size H. */
    static Initialiser pytorchDefault(int hiddenSize) {
        Require.positive(hiddenSize, "hiddenSize");
        return uniform(1.0 / Math.sqrt(hiddenSize));
    }
    // end::pytorch-default-init[]

    // tag::xavier-init[]
    /** Xavier/Glorot uniform: U[±gain·√(6/(fan_in+fan_out))]. */
    static Initialiser xavierUniform(double gain) {
        Require.positive(gain, "gain");
        return random((w, random) -> {
            double a = gain * Math.sqrt(6.0 / (w.numCols + w.numRows));
            RandomMatrices.uniform(w, a, random);
        });
    }
    // end::xavier-init[]

    // tag::he-init[]
    /** He/Kaiming normal: N(0, 2/fan_in). */
    static Initialiser he() {
        return random((w, random) -> RandomMatrices.gaussian(w, Math.sqrt(2.0 / w.numCols), random));
    }
    // end::he-init[]

    // tag::orthogonal-init[]
    /**
     * Haar-orthogonal scaled by {@code gain}: every singular value equals gain (orthonormal columns
     * for a tall matrix, orthonormal rows for a wide one).
     */
    static Initialiser orthogonal(double gain) {
        Require.positive(gain, "gain");
        return random((w, random) -> {
            RandomMatrices.orthogonal(w, random);
            CommonOps_DDRM.scale(gain, w);
        });
    }
    // end::orthogonal-init[]

    /** {@code scale}·I (IRNN uses scale 1 with ReLU); for a non-square matrix, scale on the main diagonal. */
    static Initialiser identity(double scale) {
        Require.finite(scale, "scale");
        return (w, random) -> {
            Require.nonEmpty(w, "w");
            w.zero();
            for (int i = 0; i < Math.min(w.numRows, w.numCols); i++) {
                w.unsafe_set(i, i, scale);
            }
        };
    }

    // tag::scaled-gaussian-init[]
    /** N(0, g²/N) with N the fan-in: the random-network ensemble of chaos studies (g &gt; 1 is chaotic for tanh). */
    static Initialiser scaledGaussian(double g) {
        Require.positive(g, "g");
        return random((w, random) -> RandomMatrices.gaussian(w, g / Math.sqrt(w.numCols), random));
    }
    // end::scaled-gaussian-init[]

    /** All zeros; {@code random} is not used and may be null. */
    static Initialiser zeros() {
        return (w, random) -> Require.nonEmpty(w, "w").zero();
    }

    // tag::per-block-init[]
    /**
     * This initialiser applied separately to each of {@code blocks} equal row blocks of the matrix,
     * e.g. the four H×H gate blocks of an LSTM's fused 4H×H {@code weight_hh}, in block order.
     */
    default Initialiser perBlock(int blocks) {
        Require.positive(blocks, "blocks");
        Initialiser self = this;
        return (w, random) -> {
            Require.nonEmpty(w, "w");
            if (w.numRows % blocks != 0) {
                throw new IllegalArgumentException("w rows must be a multiple of blocks=" + blocks + ", was " + w.numRows);
            }
            int h = w.numRows / blocks;
            DMatrixRMaj block = new DMatrixRMaj(h, w.numCols);
            for (int b = 0; b < blocks; b++) {
                self.initialise(block, random);
                System.arraycopy(block.data, 0, w.data, b * h * w.numCols, h * w.numCols);
            }
        };
    }
    // end::per-block-init[]

    /** Wraps a random fill with the argument checks every random initialiser makes. */
    private static Initialiser random(Initialiser fill) {
        return (w, random) -> {
            Require.nonEmpty(w, "w");
            Require.nonNull(random, "random");
            fill.initialise(w, random);
        };
    }
}
