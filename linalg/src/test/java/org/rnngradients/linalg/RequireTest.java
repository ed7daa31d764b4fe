package org.rnngradients.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RequireTest {

    private static void assertRejects(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void nullIsRejectedWithTheArgumentName() {
        assertRejects(() -> Require.nonNull(null, "weights"), "weights", "null");
    }

    @Test
    void acceptedValuesAreReturnedUnchanged() {
        DMatrixRMaj m = new DMatrixRMaj(2, 2);
        assertSame(m, Require.square(m, "m"));
        assertSame(m, Require.finite(m, "m"));
        assertEquals(3.5, Require.positive(3.5, "x"));
        assertEquals(0.0, Require.nonNegative(0.0, "x"));
        assertEquals(4, Require.positive(4, "n"));
        assertEquals(Double.NEGATIVE_INFINITY, Require.notNaN(Double.NEGATIVE_INFINITY, "x"));
    }

    @Test
    void nonPositiveSizesAreRejectedWithTheValue() {
        assertRejects(() -> Require.positive(0, "rows"), "rows", "0");
        assertRejects(() -> Require.positive(-3, "cols"), "cols", "-3");
        assertRejects(() -> Require.nonNegative(-1, "k"), "k", "-1");
        assertRejects(() -> Require.inRange(9, 0, 5, "index"), "index", "9", "[0, 5]");
    }

    @Test
    void nonFiniteOrNonPositiveScalarsAreRejectedWithTheValue() {
        assertRejects(() -> Require.finite(Double.NaN, "gain"), "gain", "NaN");
        assertRejects(() -> Require.positive(Double.POSITIVE_INFINITY, "gain"), "gain", "Infinity");
        assertRejects(() -> Require.positive(-0.5, "gain"), "gain", "-0.5");
        assertRejects(() -> Require.nonNegative(-1e-9, "h"), "h", "-1.0E-9");
        assertRejects(() -> Require.notNaN(Double.NaN, "logFactor"), "logFactor", "NaN");
    }

    @Test
    void nonFiniteMatrixEntryIsRejectedWithItsPosition() {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        m.set(1, 2, Double.NEGATIVE_INFINITY);
        assertRejects(() -> Require.finite(m, "w"), "w", "(1, 2)", "-Infinity");
        assertRejects(() -> Require.finite(new double[] {1, Double.NaN}, "d"), "d", "[1]", "NaN");
    }

    @Test
    void wrongShapesAreRejectedWithBothShapes() {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        assertRejects(() -> Require.square(m, "a"), "a", "square", "2x3");
        assertRejects(() -> Require.shape(m, 3, 3, "b"), "b", "3x3", "2x3");
        assertRejects(() -> Require.columnVector(m, "v"), "v", "2x3");
        assertRejects(() -> Require.columnVector(new DMatrixRMaj(4, 1), 3, "v"), "v", "3x1", "4x1");
        assertRejects(() -> Require.nonEmpty(new DMatrixRMaj(0, 3), "x"), "x", "0x3");
    }
}
