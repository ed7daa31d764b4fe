package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.junit.jupiter.api.Test;

class LogProductTest {

    @Test
    void seventyHundredthsToTheTwentiethIsAboutEightTenThousandths() {
        LogProduct p = new LogProduct();
        for (int t = 0; t < 20; t++) {
            p.times(0.7);
        }
        assertEquals(20 * Math.log(0.7), p.log(), 1e-13);
        assertEquals(Math.pow(0.7, 20), Math.exp(p.log()), 1e-17);
        assertEquals(0.7, p.geometricMean(), 1e-15);
        assertEquals(20, p.factors());
    }

    @Test
    void productsThatUnderflowOrOverflowAsDoublesStayFiniteInLogSpace() {
        LogProduct vanishing = new LogProduct();
        LogProduct exploding = new LogProduct();
        double plainVanishing = 1;
        double plainExploding = 1;
        for (int t = 0; t < 5000; t++) {
            vanishing.times(0.5);
            exploding.times(3);
            plainVanishing *= 0.5;
            plainExploding *= 3;
        }
        assertEquals(0, plainVanishing);
        assertEquals(Double.POSITIVE_INFINITY, plainExploding);
        assertEquals(5000 * Math.log(0.5), vanishing.log(), 1e-9);
        assertEquals(5000 * Math.log10(3), exploding.log10(), 1e-9);
    }

    @Test
    void timesExpAddsALogFactorAndZeroFactorGivesMinusInfinity() {
        LogProduct p = new LogProduct().timesExp(2.5).times(Math.E);
        assertEquals(3.5, p.log(), 1e-15);
        p.times(0);
        assertEquals(Double.NEGATIVE_INFINITY, p.log());
        assertEquals(0, p.geometricMean());
        p.reset();
        assertEquals(0, p.log());
        assertEquals(0, p.factors());
        assertEquals(1, p.geometricMean());
    }

    @Test
    void badFactorsAreRejectedWithTheirValues() {
        LogProduct p = new LogProduct();
        assertMessage(() -> p.times(-0.5), "factor", "-0.5");
        assertMessage(() -> p.times(Double.NaN), "factor", "NaN");
        assertMessage(() -> p.times(Double.POSITIVE_INFINITY), "factor", "Infinity");
        assertMessage(() -> p.timesExp(Double.NaN), "logFactor", "NaN");
        assertMessage(() -> p.timesExp(Double.POSITIVE_INFINITY), "logFactor", "Infinity");
        assertEquals(0, p.factors(), "rejected factors are not counted");
    }

    @Test
    void logFactorsAddUp() {
        LogProduct p = new LogProduct().timesExp(2.5).timesExp(-1).times(Math.E);
        assertEquals(2.5, p.log(), 1e-15);
        assertEquals(3, p.factors());
        assertEquals(Math.exp(2.5 / 3), p.geometricMean(), 1e-15);
    }
}
