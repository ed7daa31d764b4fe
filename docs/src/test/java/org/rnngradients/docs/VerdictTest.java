package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void numberHoldsWhenMeasurementRoundsToTheStatedDigits() {
        assertEquals(Verdict.HOLDS, Verdict.forNumber(8e-4, 1, 7.98e-4));
        assertEquals(Verdict.HOLDS, Verdict.forNumber(3300, 2, 3325.3));
    }

    @Test
    void roughNumberWithinHalfAgainIsApproximate() {
        assertEquals(Verdict.APPROXIMATE, Verdict.forNumber(0.4, 1, 0.3487));
        assertEquals(Verdict.APPROXIMATE, Verdict.forNumber(0.39, 2, 0.3487));
    }

    @Test
    void threeDigitNumberIsJudgedAtItsPrecision() {
        assertEquals(Verdict.FALSE, Verdict.forNumber(0.387, 3, 0.3487));
        assertEquals(Verdict.APPROXIMATE, Verdict.forNumber(0.387, 3, 0.3884), "one unit in the last digit");
        assertEquals(Verdict.APPROXIMATE, Verdict.forNumber(0.387, 3, 0.3856));
        assertEquals(Verdict.FALSE, Verdict.forNumber(0.387, 3, 0.3894), "two units");
        assertEquals(Verdict.HOLDS, Verdict.forNumber(0.995, 3, 0.99505));
        assertEquals(Verdict.FALSE, Verdict.forNumber(3300, 4, 3325.3));
    }

    @Test
    void sizeStudyIsApproximateWhenOnlySmallNetworksFail() {
        assertEquals(Verdict.HOLDS, Verdict.forSizes(true, true, true));
        assertEquals(Verdict.APPROXIMATE, Verdict.forSizes(false, true, true));
        assertEquals(Verdict.FALSE, Verdict.forSizes(false, false, true));
        assertEquals(Verdict.FALSE, Verdict.forSizes(true, true, false));
    }

    @Test
    void numberOffByMoreThanHalfAgainIsFalse() {
        assertEquals(Verdict.FALSE, Verdict.forNumber(7e-5, 1, 2.25e-5));
    }

    @Test
    void negligibleNeedsLessThanOneMillionth() {
        assertEquals(Verdict.HOLDS, Verdict.forNegligible(2e-10));
        assertEquals(Verdict.FALSE, Verdict.forNegligible(2e-5));
    }

    @Test
    void trendHoldsInRateWhenThePrefactorIsOff() {
        assertEquals(Verdict.HOLDS, Verdict.forTrend(1.02, 1.0));
        assertEquals(Verdict.APPROXIMATE, Verdict.forTrend(69, 1.002));
        assertEquals(Verdict.FALSE, Verdict.forTrend(69, 1.2));
    }

    @Test
    void relativeSizeIsJudgedAgainstTheWorkingPrecision() {
        assertEquals(Verdict.HOLDS, Verdict.forRelativeSize(-17));
        assertEquals(Verdict.APPROXIMATE, Verdict.forRelativeSize(-8.5));
        assertEquals(Verdict.FALSE, Verdict.forRelativeSize(-6.2));
        assertEquals(-7.22, Verdict.LOG10_FLOAT_ROUNDOFF, 0.01);
    }
}
