package org.rnngradients.linalg;

import org.rnngradients.linalg.internal.Require;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.rnngradients.linalg.Rejections.assertMessage;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class RequireTest {

    @Test
    void nullIsRejectedWithTheArgumentName() {
        assertMessage(() -> Require.nonNull(null, "weights"), "weights", "null");
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
        assertMessage(() -> Require.positive(0, "rows"), "rows", "0");
        assertMessage(() -> Require.positive(-3, "cols"), "cols", "-3");
        assertMessage(() -> Require.nonNegative(-1, "k"), "k", "-1");
        assertMessage(() -> Require.inRange(9, 0, 5, "index"), "index", "9", "[0, 5]");
    }

    @Test
    void nonFiniteOrNonPositiveScalarsAreRejectedWithTheValue() {
        assertMessage(() -> Require.finite(Double.NaN, "gain"), "gain", "NaN");
        assertMessage(() -> Require.positive(Double.POSITIVE_INFINITY, "gain"), "gain", "Infinity");
        assertMessage(() -> Require.positive(-0.5, "gain"), "gain", "-0.5");
        assertMessage(() -> Require.nonNegative(-1e-9, "h"), "h", "-1.0E-9");
        assertMessage(() -> Require.notNaN(Double.NaN, "logFactor"), "logFactor", "NaN");
    }

    @Test
    void nonFiniteMatrixEntryIsRejectedWithItsPosition() {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        m.set(1, 2, Double.NEGATIVE_INFINITY);
        assertMessage(() -> Require.finite(m, "w"), "w", "(1, 2)", "-Infinity");
        assertMessage(() -> Require.finite(new double[] {1, Double.NaN}, "d"), "d", "[1]", "NaN");
    }

    @Test
    void wrongShapesAreRejectedWithBothShapes() {
        DMatrixRMaj m = new DMatrixRMaj(2, 3);
        assertMessage(() -> Require.square(m, "a"), "a", "square", "2x3");
        assertMessage(() -> Require.shape(m, 3, 3, "b"), "b", "3x3", "2x3");
        assertMessage(() -> Require.columnVector(m, "v"), "v", "2x3");
        assertMessage(() -> Require.columnVector(new DMatrixRMaj(4, 1), 3, "v"), "v", "3x1", "4x1");
        assertMessage(() -> Require.nonEmpty(new DMatrixRMaj(0, 3), "x"), "x", "0x3");
    }

    @Test
    void everyCheckReturnsWhatItAcceptsUpToItsBounds() {
        DMatrixRMaj column = new DMatrixRMaj(3, 1);
        DMatrixRMaj one = new DMatrixRMaj(1, 1);
        double[] values = {1, -2};
        assertEquals(-7.5, Require.finite(-7.5, "x"));
        assertEquals(-0.0, Require.nonNegative(-0.0, "x"));
        assertEquals(Double.MIN_VALUE, Require.positive(Double.MIN_VALUE, "x"));
        assertEquals(0, Require.nonNegative(0, "n"));
        assertEquals(9, Require.nonNegative(9, "n"));
        assertEquals(1, Require.positive(1, "n"));
        assertEquals(1, Require.inRange(1, 1, 3, "n"));
        assertEquals(3, Require.inRange(3, 1, 3, "n"));
        assertSame(values, Require.finite(values, "v"));
        assertSame(column, Require.columnVector(column, 3, "v"));
        assertSame(one, Require.columnVector(one, "v"));
        assertSame(column, Require.shape(column, 3, 1, "v"));
        assertSame(one, Require.nonEmpty(one, "v"));
        assertEquals("3x1", Require.shapeOf(column));
        assertEquals(6, Require.elementCount(2, 3, "rows", "cols"));
        assertEquals(0, Require.elementCount(0, Integer.MAX_VALUE, "rows", "cols"));
        assertEquals(Require.MAX_ENTRIES, Require.elementCount(1, Require.MAX_ENTRIES, "rows", "cols"));
    }
}
