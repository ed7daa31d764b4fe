package org.rnngradients.bptt.floss;

/** A scalar F(λ_1, …, λ_k) of the k largest Lyapunov exponents, with ∂F/∂λ_i. */
public enum ExponentObjective {
    /** F = Σ λ_i: the growth rate of k-dimensional volumes. */
    SUM {
        @Override
        public double value(double[] exponents) {
            double s = 0;
            for (double l : exponents) {
                s += l;
            }
            return s;
        }

        @Override
        public double derivative(double exponent) {
            return 1;
        }
    },
    /** F = Σ λ_i²: zero exactly when every one of the k exponents is zero (gradient flossing's target). */
    SUM_OF_SQUARES {
        @Override
        public double value(double[] exponents) {
            double s = 0;
            for (double l : exponents) {
                s += l * l;
            }
            return s;
        }

        @Override
        public double derivative(double exponent) {
            return 2 * exponent;
        }
    };

    /** F(λ). */
    public abstract double value(double[] exponents);

    /** ∂F/∂λ_i at λ_i (each objective is a sum of one function per exponent). */
    public abstract double derivative(double exponent);
}
