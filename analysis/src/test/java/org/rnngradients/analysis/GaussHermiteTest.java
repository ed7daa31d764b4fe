package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussHermiteTest {

    /** E[z^k] for z ~ N(0, 1): (k − 1)!! for even k, 0 for odd k. */
    private static double normalMoment(int k) {
        if (k % 2 == 1) {
            return 0;
        }
        double m = 1;
        for (int j = k - 1; j > 1; j -= 2) {
            m *= j;
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 10, 64, 256})
    void momentsOfTheStandardNormalAreExactUpToDegreeTwoNMinusOne(int n) {
        GaussHermite rule = GaussHermite.of(n);
        // weights far below 1e-16 are accurate only absolutely (they come from eigenvector components), and
        // z^k for large k magnifies the outer nodes, so high degrees are checked on the smaller rules only
        int degree = Math.min(2 * n - 1, n <= 64 ? 24 : 12);
        for (int k = 0; k <= degree; k++) {
            int power = k;
            double m = rule.expectation(z -> Math.pow(z, power));
            // 1e-12 relative to the size of the terms, E|z|^k ≈ E[z^(k+1)] for odd k (whose ± terms cancel)
            double scale = Math.max(1, normalMoment(k % 2 == 0 ? k : k + 1));
            assertEquals(normalMoment(k), m, 1e-12 * scale, "E[z^" + k + "] with n = " + n);
        }
    }

    @Test
    void aRuleIsNotExactBeyondItsDegree() {
        // the 2-point rule (nodes ±1) gives E[z⁴] = 1, not 3: degree 4 > 2n − 1 = 3
        assertEquals(1, GaussHermite.of(2).expectation(z -> z * z * z * z), 1e-14);
    }

    @Test
    void threePointRuleIsTheClosedForm() {
        GaussHermite rule = GaussHermite.of(3);
        assertEquals(-Math.sqrt(3), rule.node(0), 1e-15);
        assertEquals(0, rule.node(1), 1e-15);
        assertEquals(Math.sqrt(3), rule.node(2), 1e-15);
        assertEquals(1.0 / 6, rule.weight(0), 1e-15);
        assertEquals(2.0 / 3, rule.weight(1), 1e-15);
        assertEquals(1.0 / 6, rule.weight(2), 1e-15);
    }

    @Test
    void nodesAscendSymmetricallyAndWeightsArePositiveAndSumToOne() {
        GaussHermite rule = GaussHermite.of(101);
        double sum = 0;
        for (int i = 0; i < rule.order(); i++) {
            assertEquals(-rule.node(rule.order() - 1 - i), rule.node(i), 0.0, "z_i = −z_{n−1−i} exactly");
            assertEquals(rule.weight(rule.order() - 1 - i), rule.weight(i), 0.0);
            assertTrue(rule.weight(i) > 0);
            if (i > 0) {
                assertTrue(rule.node(i) > rule.node(i - 1));
            }
            sum += rule.weight(i);
        }
        assertEquals(1, sum, 1e-15);
    }

    @Test
    void gaussianOfAnExponentialIsExponentiallyAccurate() {
        // E[e^{a z}] = e^{a²/2}; e^{az} is entire, so 40 points are exact to rounding
        assertEquals(Math.exp(0.5 * 1.5 * 1.5), GaussHermite.of(40).expectation(z -> Math.exp(1.5 * z)), 1e-13);
    }

    /**
     * The Golub–Welsch construction itself, run afresh. {@link GaussHermite#of} caches a rule per order for the
     * life of the JVM, so once any test has asked for an order, a change to the construction is no longer seen
     * by the tests that follow in that JVM (PIT, which swaps mutated classes into a running JVM, saw none of
     * them); these tests call the construction directly and compare it with the closed forms.
     */
    private static GaussHermite constructed(int n) throws ReflectiveOperationException {
        Method golubWelsch = GaussHermite.class.getDeclaredMethod("golubWelsch", int.class);
        golubWelsch.setAccessible(true);
        return (GaussHermite) golubWelsch.invoke(null, n);
    }

    private static double[] nodes(GaussHermite rule) {
        double[] z = new double[rule.order()];
        for (int i = 0; i < z.length; i++) {
            z[i] = rule.node(i);
        }
        return z;
    }

    private static double[] weights(GaussHermite rule) {
        double[] w = new double[rule.order()];
        for (int i = 0; i < w.length; i++) {
            w[i] = rule.weight(i);
        }
        return w;
    }

    @Test
    void theConstructionGivesTheClosedFormRulesOfOrdersOneToFour() throws Exception {
        // probabilists' Hermite: He₂ = z² − 1, He₃ = z³ − 3z, He₄ = z⁴ − 6z² + 3; w_i = n!/(n² He_{n−1}(z_i)²).
        // 2e-15 is a few ulp of the largest node (ulp(2.33) = 4.4e-16): the eigensolver is backward stable
        double tol = 2e-15;
        assertArrayEquals(new double[] {0}, nodes(constructed(1)), tol);
        assertArrayEquals(new double[] {1}, weights(constructed(1)), tol);
        assertArrayEquals(new double[] {-1, 1}, nodes(constructed(2)), tol);
        assertArrayEquals(new double[] {0.5, 0.5}, weights(constructed(2)), tol);
        double r3 = Math.sqrt(3);
        assertArrayEquals(new double[] {-r3, 0, r3}, nodes(constructed(3)), tol);
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 3, 1.0 / 6}, weights(constructed(3)), tol);
        double outer = Math.sqrt(3 + Math.sqrt(6));
        double inner = Math.sqrt(3 - Math.sqrt(6));
        double wOuter = 1 / (4 * (3 + Math.sqrt(6)));
        double wInner = 1 / (4 * (3 - Math.sqrt(6)));
        assertArrayEquals(new double[] {-outer, -inner, inner, outer}, nodes(constructed(4)), tol);
        assertArrayEquals(new double[] {wOuter, wInner, wInner, wOuter}, weights(constructed(4)), tol);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 40})
    void theConstructionIsSymmetricAscendingAndExactForPolynomials(int n) throws Exception {
        GaussHermite rule = constructed(n);
        assertEquals(n, rule.order());
        double sum = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(-rule.node(n - 1 - i), rule.node(i), 0.0, "z_i = −z_{n−1−i} exactly");
            assertEquals(rule.weight(n - 1 - i), rule.weight(i), 0.0, "mirror weights are equal exactly");
            assertTrue(rule.weight(i) > 0);
            if (i > 0) {
                assertTrue(rule.node(i) > rule.node(i - 1), "nodes ascend");
            }
            sum += rule.weight(i);
        }
        assertEquals(1, sum, 1e-15, "weights normalised to one (to the rounding of an n-term sum)");
        for (int k = 0; k <= Math.min(2 * n - 1, 24); k++) {
            int power = k;
            double scale = Math.max(1, normalMoment(k % 2 == 0 ? k : k + 1));
            assertEquals(normalMoment(k), rule.expectation(z -> Math.pow(z, power)), 1e-12 * scale, "E[z^" + k + "]");
        }
    }

    @Test
    void theCacheHandsOutTheRuleTheConstructionGives() throws Exception {
        GaussHermite fresh = constructed(23);
        assertArrayEquals(nodes(fresh), nodes(GaussHermite.of(23)), 0.0);
        assertArrayEquals(weights(fresh), weights(GaussHermite.of(23)), 0.0);
    }

    @Test
    void rulesAreCachedPerOrder() {
        assertSame(GaussHermite.of(17), GaussHermite.of(17));
    }

    @Test
    void rejectsAnOrderOutsideItsRange() {
        for (int bad : new int[] {0, -3, GaussHermite.MAX_ORDER + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(bad));
            assertTrue(e.getMessage().contains("order") && e.getMessage().contains(Integer.toString(bad)), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(4).expectation(null));
        assertThrows(IllegalArgumentException.class, () -> GaussHermite.of(4).node(4));
    }
}
