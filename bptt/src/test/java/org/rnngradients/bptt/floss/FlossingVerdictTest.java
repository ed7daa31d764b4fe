package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The verdict rule against hand-computed hypergeometric tails (C(10, 5) = 252). */
class FlossingVerdictTest {

    @Test
    void theOneSidedFisherTestMatchesTheHypergeometricTail() {
        assertEquals(6.0 / 252, FlossingVerdict.fisherOneSided(4, 5, 0, 5), 1e-15);   // C(6,1)/C(10,5)
        assertEquals(1.0 / 252, FlossingVerdict.fisherOneSided(5, 5, 0, 5), 1e-15);
        assertEquals(56.0 / 252, FlossingVerdict.fisherOneSided(2, 5, 0, 5), 1e-15);  // C(8,3)/C(10,5)
        assertEquals(1.0, FlossingVerdict.fisherOneSided(0, 5, 0, 5), 1e-15);
        assertEquals(1.0, FlossingVerdict.fisherOneSided(0, 5, 3, 5), 1e-15);
    }

    @Test
    void theVerdictFollowsTheStatedRule() {
        assertEquals("holds", FlossingVerdict.verdict(4, 5, 0, 5));
        assertEquals("suggested", FlossingVerdict.verdict(2, 5, 0, 5));
        assertEquals("not supported", FlossingVerdict.verdict(1, 5, 1, 5));
        assertEquals("not supported", FlossingVerdict.verdict(0, 5, 2, 5));
    }

    @Test
    void countsAreValidatedByName() {
        assertEquals("a must be in [0, 5], was 6",
                assertThrows(IllegalArgumentException.class, () -> FlossingVerdict.fisherOneSided(6, 5, 0, 5)).getMessage());
        assertEquals("m must be > 0, was 0",
                assertThrows(IllegalArgumentException.class, () -> FlossingVerdict.fisherOneSided(1, 5, 0, 0)).getMessage());
    }
}
