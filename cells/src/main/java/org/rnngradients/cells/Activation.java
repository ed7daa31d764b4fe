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

    /** The logistic sigmoid, written to stay accurate for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
