package org.rnngradients.cells;

/**
 * Element-wise activation φ of a vanilla RNN, with its derivative and the supremum of |φ′| that
 * enters the effective scale γ = ‖W_hh‖₂ · sup|φ′|.
 */
public enum Activation {
    /** φ = tanh, φ′ = 1 − tanh², sup|φ′| = 1 (at z = 0). */
    TANH(1.0) {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double phi) {
            return 1 - phi * phi;
        }
    },
    /** φ = max(0, z), φ′ = 1 for z &gt; 0 else 0 (the subgradient 0 at z = 0, as in PyTorch), sup|φ′| = 1. */
    RELU(1.0) {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        public double derivative(double z, double phi) {
            return z > 0 ? 1 : 0;
        }
    },
    /** φ = 1/(1+e^−z), φ′ = φ(1−φ), sup|φ′| = 1/4 (at z = 0). */
    SIGMOID(0.25) {
        @Override
        public double apply(double z) {
            return sigmoid(z);
        }

        @Override
        public double derivative(double z, double phi) {
            return phi * (1 - phi);
        }
    },
    /** φ = z (a linear RNN), φ′ = 1, sup|φ′| = 1. */
    IDENTITY(1.0) {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double phi) {
            return 1;
        }
    };

    private final double supDerivative;

    Activation(double supDerivative) {
        this.supDerivative = supDerivative;
    }

    /** φ(z). */
    public abstract double apply(double z);

    /** φ′(z), given also φ = φ(z) so that tanh and sigmoid need no second evaluation. */
    public abstract double derivative(double z, double phi);

    /** sup over z of |φ′(z)|. */
    public double supDerivative() {
        return supDerivative;
    }

    /**
     * The logistic sigmoid, accurate to a few ulps for every z. 1/(1 + e^−z) has no cancellation for any sign
     * of z; only below {@value #SIGMOID_OVERFLOW} would e^−z overflow and round a tiny positive value to 0,
     * so there e^z/(1 + e^z) keeps it positive (φ′ stays > 0 wherever it is mathematically). Sending every
     * z &lt; 0 to the second form, as a sign test would, costs a mispredicted branch for half of all inputs.
     */
    public static double sigmoid(double z) {
        if (z < SIGMOID_OVERFLOW) {
            double e = Math.exp(z);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Below this z, e^−z would overflow (e^709 is the largest power of e below Double.MAX_VALUE). */
    private static final double SIGMOID_OVERFLOW = -709;
}
