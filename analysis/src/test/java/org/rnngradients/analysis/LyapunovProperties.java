package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.RandomSource;

/** Closed forms of Lyapunov spectra on random instances. */
class LyapunovProperties {

    /**
     * A random normal matrix with {@code pairs} complex-conjugate pairs and {@code reals} real
     * eigenvalues whose log-moduli are at least 0.2 apart (so 300 warm-up steps align the frame to
     * e^{−60}) has exponents ln|eig(W)|, each pair's modulus counted twice.
     */
    @Property(tries = 1000)
    void normalLinearMapHasExponentsLnAbsEigenvalues(@ForAll @IntRange(min = 0, max = 2) int pairs,
                                                      @ForAll @IntRange(min = 0, max = 3) int reals,
                                                      @ForAll long seed) {
        if (pairs + reals == 0) {
            reals = 1;
        }
        RandomSource random = RandomSource.seeded(seed);
        double[] logModuli = new double[pairs + reals];
        double u = random.uniform(-1.5, 0.5);
        for (int i = 0; i < logModuli.length; i++) {
            logModuli[i] = u;
            u += random.uniform(0.2, 0.6);
        }
        shuffle(logModuli, random);
        double[] pairModuli = new double[pairs];
        double[] realEigenvalues = new double[reals];
        double[] expected = new double[2 * pairs + reals];
        int k = 0;
        for (int i = 0; i < pairs; i++) {
            pairModuli[i] = Math.exp(logModuli[i]);
            expected[k++] = logModuli[i];
            expected[k++] = logModuli[i];
        }
        for (int i = 0; i < reals; i++) {
            realEigenvalues[i] = (random.uniform() < 0.5 ? -1 : 1) * Math.exp(logModuli[pairs + i]);
            expected[k++] = logModuli[pairs + i];
        }
        Arrays.sort(expected);
        DMatrixRMaj w = TestMatrices.normal(pairModuli, realEigenvalues, random);
        double[] lambda = new LyapunovSpectrum(expected.length, 300, 100, 1).compute(new LinearMap(w)).exponents();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[expected.length - 1 - i], lambda[i], 1e-9, "lambda_" + (i + 1));
        }
    }

    private static void shuffle(double[] v, RandomSource random) {
        for (int i = v.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
