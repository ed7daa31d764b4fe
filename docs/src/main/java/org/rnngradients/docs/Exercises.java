package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.Spectra;

/**
 * The answers to the chapters' exercises, computed when the book is built (with the modules where a module computes
 * the quantity) and checked against closed forms by {@code ExercisesTest}. Each method answers one exercise.
 */
public final class Exercises {

    /** The answers' writer; the answers themselves are the static methods. */
    public Exercises() {
    }

    /** The first k ≥ 1 with ‖J^k‖ < 1 for the non-normal J = (a, c; 0, b) of chapter 2, and the largest ‖J^k‖ before it. */
    static double[] transientEnd(double a, double c, double b) {
        DMatrixRMaj j = new DMatrixRMaj(2, 2, true, a, c, 0, b);
        DMatrixRMaj power = Claims.power(j, 1);
        double peak = 0;
        int k = 1;
        while (Spectra.spectralNorm(power) >= 1) {
            peak = Math.max(peak, Spectra.spectralNorm(power));
            power = Claims.power(j, ++k);
        }
        return new double[] {k, peak};
    }

    /** The smallest T with ρ^T below {@code level}. */
    static int stepsBelow(double rho, double level) {
        return ProductClaims.stepsToReach(rho, level);
    }

    /** The smallest per-step factor that keeps at least {@code fraction} of the signal after {@code steps} steps. */
    static double factorKeeping(double fraction, int steps) {
        return Math.pow(fraction, 1.0 / steps);
    }

    /** Orders of magnitude lost per ten steps by a path that multiplies by {@code factor} at every step. */
    static double ordersPerTenSteps(double factor) {
        return -10 * Math.log10(factor);
    }

    /** The effective scale γ = ‖W‖ · sup|φ′| of a sigmoid network (sup σ′ = 1/4, from the cells module). */
    static double sigmoidGamma(double weightNorm) {
        return weightNorm * org.rnngradients.cells.Activation.SIGMOID.supDerivative();
    }

    /** The largest ‖W‖ for which the γ bound guarantees vanishing: 1 / sup|φ′|. */
    static double largestVanishingNorm(org.rnngradients.cells.Activation activation) {
        return 1 / activation.supDerivative();
    }

    /** Steps for a gradient whose top exponent is {@code lambda} (nats per step, negative) to fall by {@code factor}. */
    static int stepsForExponent(double lambda, double factor) {
        return (int) Math.ceil(Math.log(factor) / lambda);
    }

    /** Step records a checkpointed pass over T steps keeps: ⌈T/c⌉ checkpoints plus one segment of c, c = ⌈√T⌉. */
    static int checkpointRecords(int t) {
        int c = (int) Math.ceil(Math.sqrt(t));
        return (t + c - 1) / c + c;
    }

    /** The mean number of steps a loss is carried back in stateful BPTT(k, k): (1 + 2 + … + k) / k. */
    static double meanHistory(int k) {
        return (k + 1) / 2.0;
    }

    /** Adds every answer as an {@code exercise-*} attribute. */
    public void contribute(Attributes a) {
        double[] ending = transientEnd(0.9, 10, 0.8);
        a.put("exercise-transient-end", Integer.toString((int) ending[0]));
        a.put("exercise-transient-peak", Formats.sig(ending[1], 3));
        a.put("exercise-jordan-1000", Formats.fixed(ProductClaims.unitJordanPowerNorm(1000), 1));
        a.put("exercise-nine-tenths-below-1e-3", Integer.toString(stepsBelow(0.9, 1e-3)));
        a.put("exercise-nine-tenths-exact", Formats.fixed(Math.log(1e-3) / Math.log(0.9), 1));
        a.put("exercise-half-after-13", Formats.fixed(factorKeeping(0.5, 13), 4));
        a.put("exercise-half-after-13-loss", Formats.fixed(100 * (1 - factorKeeping(0.5, 13)), 1));
        a.put("exercise-tanh-prime-2", Formats.sig(Claims.tanhDerivative(2), 3));
        a.putAdoc("exercise-half-ten-times", Formats.adoc(Math.pow(0.5, 10), 3));
        a.put("exercise-half-ten-times-orders", Formats.fixed(-Math.log10(Math.pow(0.5, 10)), 2));
        a.put("exercise-gru-direct-orders", Formats.fixed(ordersPerTenSteps(0.9), 3));
        a.put("exercise-beta-095-steps", Integer.toString(stepsBelow(0.95, 1e-6)));
        a.putAdoc("exercise-crossed-ratio", Formats.adoc(ProductClaims.boundRatio(ProductClaims.crossed(1.1, 0.5, 20)), 3));
        a.put("exercise-sigmoid-gamma", Formats.fixed(sigmoidGamma(3), 2));
        a.put("exercise-sigmoid-gamma-steps", Integer.toString(stepsBelow(sigmoidGamma(3), 1e-3)));
        a.put("exercise-sigmoid-largest-norm", Formats.fixed(largestVanishingNorm(org.rnngradients.cells.Activation.SIGMOID), 0));
        a.put("exercise-tanh-largest-norm", Formats.fixed(largestVanishingNorm(org.rnngradients.cells.Activation.TANH), 0));
        a.put("exercise-exponent-steps", Integer.toString(stepsForExponent(-0.05, 1e-3)));
        a.put("exercise-exponent-exact", Formats.fixed(Math.log(1e3) / 0.05, 1));
        a.put("exercise-henon-second", Formats.fixed(Math.log(0.3) - 0.419, 3));
        a.put("exercise-checkpoint-records", Integer.toString(checkpointRecords(1000)));
        int interval = (int) Math.ceil(Math.sqrt(1000));
        a.put("exercise-checkpoint-interval", Integer.toString(interval));
        a.put("exercise-checkpoint-count", Integer.toString((1000 + interval - 1) / interval));
        a.put("exercise-mean-history", Formats.fixed(meanHistory(10), 1));
    }
}
