package org.rnngradients.bptt.floss;

import org.rnngradients.linalg.internal.Require;

/** A scalar F(λ_1, …, λ_k) of the k largest Lyapunov exponents, with ∂F/∂λ_i. */
public enum ExponentObjective {
    /** F = Σ λ_i: the growth rate of k-dimensional volumes. */
    SUM {
        @Override
        double term(double exponent) {
            return exponent;
        }

        @Override
        double slope(double exponent) {
            return 1;
        }
    },
    /** F = Σ λ_i²: zero exactly when every one of the k exponents is zero (gradient flossing's target). */
    SUM_OF_SQUARES {
        @Override
        double term(double exponent) {
            return exponent * exponent;
        }

        @Override
        double slope(double exponent) {
            return 2 * exponent;
        }
    };

    /** F(λ), summed in index order; λ_i = −∞ (a lost direction) is allowed, NaN is refused by name. */
    public double value(double[] exponents) {
        Require.nonNull(exponents, "exponents");
        double s = 0;
        for (int i = 0; i < exponents.length; i++) {
            if (Double.isNaN(exponents[i])) {
                throw new IllegalArgumentException("exponents[" + i + "] must not be NaN, was NaN");
            }
            s += term(exponents[i]);
        }
        return s;
    }

    /** ∂F/∂λ_i at λ_i (each objective is a sum of one function per exponent); NaN is refused. */
    public double derivative(double exponent) {
        return slope(Require.notNaN(exponent, "exponent"));
    }

    /** The summand of F for one exponent. */
    abstract double term(double exponent);

    /** The derivative of {@link #term}. */
    abstract double slope(double exponent);
}
