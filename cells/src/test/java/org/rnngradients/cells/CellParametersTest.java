package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnngradients.cells.BadInputTest.assertRejects;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The parameter container: PyTorch names and shapes, deep copies, sums and its argument checks. */
class CellParametersTest {

    /** LSTM-shaped parameters (G = 4, I = 2, H = 3) whose k-th scalar, in the fixed order, is k + 1. */
    private static CellParameters numbered() {
        CellParameters p = CellParameters.lstm(2, 3);
        double next = 1;
        for (DMatrixRMaj m : p.tensors()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                m.data[k] = next++;
            }
        }
        return p;
    }

    @Test
    void namesAndShapesFollowPyTorchsLayout() {
        CellParameters p = CellParameters.lstm(2, 3);
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), p.names());
        assertEquals("12x2", shape(p.weightIh()));
        assertEquals("12x3", shape(p.weightHh()));
        assertEquals("12x1", shape(p.biasIh()));
        assertEquals("12x1", shape(p.biasHh()));
        assertEquals(24 + 36 + 12 + 12, p.size());
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    @Test
    void theFactoryOfEachKindGivesItsCellsLayout() {
        assertEquals("3x2", shape(CellParameters.vanilla(2, 3).weightIh()));
        assertEquals("9x3", shape(CellParameters.gru(2, 3).weightHh()));
        assertEquals("12x1", shape(CellParameters.lstm(2, 3).biasHh()));
        for (CellKind kind : CellKind.values()) {
            CellParameters expected = kind.create(2, 3).parameters();
            CellParameters p = CellParameters.of(kind, 2, 3);
            for (String name : expected.names()) {
                assertEquals(shape(expected.get(name)), shape(p.get(name)), kind + " " + name);
            }
        }
    }

    @Test
    void viewsAreFixedUnmodifiableAndTheSharedOperationsAgree() {
        CellParameters p = numbered();
        assertSame(p.tensors(), p.tensors(), "one view, nothing allocated per call");
        assertThrows(UnsupportedOperationException.class, () -> p.tensors().clear());
        assertThrows(UnsupportedOperationException.class, () -> p.names().add("x"));
        assertEquals(p.squaredNorm(), p.dot(p), 0.0);
        assertEquals(Math.sqrt(p.squaredNorm()), p.norm(), 1e-12 * p.norm());
        assertEquals(84, p.maxAbs(), 0.0);
        double w = 0;
        for (double v : p.weightHh().data) {
            w += v * v;
        }
        assertEquals(Math.sqrt(w), NamedMatrices.norm(p.weightHh()), 1e-12 * Math.sqrt(w));
        CellParameters q = p.copy();
        q.scale(-2);
        q.addScaled(2, p);
        assertEquals(0.0, q.maxAbs(), 0.0);
        assertTrue(q.isFinite());
        q.biasIh().data[0] = Double.NaN;
        assertTrue(Double.isNaN(q.norm()));
        assertTrue(Double.isNaN(NamedMatrices.norm(q.biasIh())));
        assertEquals(0.0, NamedMatrices.norm(new DMatrixRMaj(2, 2)), 0.0);
    }

    @Test
    void squaredNormIsTheSumOfSquaresOfEveryScalar() {
        int n = 84;                                              // Σ_{k=1..n} k² = n(n+1)(2n+1)/6
        assertEquals(n * (n + 1) * (2 * n + 1) / 6.0, numbered().squaredNorm(), 0.0);
    }

    @Test
    void copyIsDeepAndZerosLikeKeepsShapesOnly() {
        CellParameters p = numbered();
        CellParameters copy = p.copy();
        assertNotSame(p.weightHh(), copy.weightHh());
        assertArrayEquals(p.weightHh().data, copy.weightHh().data, 0.0);
        copy.weightHh().data[0] = -1;
        assertEquals(1 + 24, p.weightHh().data[0], 0.0, "the original is unchanged");
        CellParameters zeros = p.zerosLike();
        assertEquals(p.size(), zeros.size());
        assertEquals(0.0, zeros.squaredNorm(), 0.0);
        zeros.setTo(p);
        assertEquals(p.squaredNorm(), zeros.squaredNorm(), 0.0);
        zeros.zero();
        assertEquals(0.0, zeros.squaredNorm(), 0.0);
    }

    @Test
    void getReturnsTheLiveTensorAndRejectsUnknownNames() {
        CellParameters p = numbered();
        p.get(CellParameters.BIAS_HH).data[0] = 0;
        assertEquals(0.0, p.biasHh().data[0], 0.0);
        assertRejects("weight_ih, weight_hh, bias_ih, bias_hh", () -> p.get("weight"));
    }

    @Test
    void badArgumentsAreRejectedNamingTheArgument() {
        assertRejects("gates", () -> new CellParameters(0, 2, 3));
        assertRejects("inputSize", () -> CellParameters.vanilla(-1, 3));
        assertRejects("hiddenSize", () -> CellParameters.gru(2, 0));
        assertRejects("kind", () -> CellParameters.of(null, 2, 3));
        CellParameters p = numbered();
        assertRejects("other", () -> p.setTo(null));
        assertRejects("other.weight_ih must be 12x2, was 8x2", () -> p.setTo(CellParameters.lstm(2, 2)));
        assertRejects("grads.weight_hh must be 12x3, was 12x4", () -> p.requireSameShapes(CellParameters.gru(2, 4), "grads"));
        p.biasIh().data[5] = Double.NaN;
        assertRejects("theta.bias_ih must be finite, entry (5, 0) was NaN", () -> p.requireFinite("theta"));
    }
}
