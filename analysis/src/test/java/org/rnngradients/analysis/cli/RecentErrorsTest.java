package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hochreiter and Schmidhuber's ST3 rule over the ring of recent squared errors. */
class RecentErrorsTest {

    @Test
    void st3NeedsAFullWindowOfCorrectSequencesBelowTheMseBound() {
        RecentErrors r = new RecentErrors(3, 0.04);
        r.add(0.0001);
        r.add(0.0001);
        assertFalse(r.st3(0.01), "two of three sequences recorded");
        r.add(0.0001);
        assertTrue(r.st3(0.01));
        assertFalse(r.st3(0.0001), "the mean 1e-4 is not below 1e-4");
    }

    @Test
    void aWrongSequenceBlocksTheRuleUntilItLeavesTheWindow() {
        RecentErrors r = new RecentErrors(3, 0.04);
        r.add(0.04 * 0.04);                               // |e| = 0.04 exactly: not below 0.04, so wrong
        r.add(0);
        r.add(0);
        assertFalse(r.st3(1));
        assertEquals(2.0 / 3, r.fractionCorrect());
        r.add(0);                                         // the wrong one drops out
        assertTrue(r.st3(1));
        assertEquals(1.0, r.fractionCorrect());
    }

    @Test
    void theMeanIsOverTheRecordedSequencesOnly() {
        RecentErrors r = new RecentErrors(4, 0.04);
        assertTrue(Double.isNaN(r.meanSquared()));
        r.add(1);
        r.add(3);
        assertEquals(2, r.meanSquared());
        assertEquals(2, r.size());
        r.add(5);
        r.add(7);
        r.add(9);                                         // 1 leaves
        assertEquals(6, r.meanSquared());
        assertEquals(4, r.size());
        assertEquals(0, r.fractionCorrect());
    }

    @Test
    void badInputIsRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RecentErrors(0, 0.04)).getMessage()
                .contains("window"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RecentErrors(5, 0)).getMessage()
                .contains("tolerance"));
        RecentErrors r = new RecentErrors(5, 0.04);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.add(Double.NaN)).getMessage()
                .contains("squaredError"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.add(-1)).getMessage()
                .contains("squaredError"));
    }
}
