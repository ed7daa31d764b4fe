package org.rnngradients.analysis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The header dict parser accepts what NumPy (old and new) writes and names what it cannot parse. */
class NpyHeaderTest {

    @Test
    void parsesNumpysOwnLiteral() {
        NpyHeader h = NpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }   \n");
        assertEquals("<f8", h.descr());
        assertFalse(h.fortranOrder());
        assertArrayEquals(new int[] {3, 4}, h.shape());
    }

    @Test
    void keysMayComeInAnyOrderWithDoubleQuotesAndPythonTwoLongs() {
        NpyHeader h = NpyHeader.parse("{\"shape\": (5L,), \"fortran_order\": True, \"descr\": \">f4\"}");
        assertArrayEquals(new int[] {5}, h.shape());
        assertTrue(h.fortranOrder());
        assertEquals(4, h.itemSize());
    }

    @Test
    void emptyTupleIsAScalar() {
        assertEquals(0, NpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (), }").shape().length);
    }

    @Test
    void literalRoundTrips() {
        for (int[] shape : new int[][] {{}, {7}, {2, 9}}) {
            assertArrayEquals(shape, NpyHeader.parse(NpyHeader.literal(shape)).shape());
        }
    }

    @Test
    void missingKeyIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("{'descr': '<f8', 'shape': (2,)}"));
        assertTrue(e.getMessage().contains("lacks"), e.getMessage());
    }

    @Test
    void unknownKeyIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("{'descr': '<f8', 'order': 'C'}"));
        assertTrue(e.getMessage().contains("'order'"), e.getMessage());
    }

    @Test
    void hugeDimensionIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,)}"));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void negativeDimensionIsABadHeader() {
        assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,)}"));
    }
}
