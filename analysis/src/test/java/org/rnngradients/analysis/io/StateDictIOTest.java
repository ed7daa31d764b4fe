package org.rnngradients.analysis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/** Parameters saved under PyTorch's state_dict names load back identically, and bad files are named. */
class StateDictIOTest {

    @TempDir
    Path dir;

    private static CellParameters random(int gates, int input, int hidden, long seed) {
        CellParameters p = gates == 1 ? CellParameters.vanilla(input, hidden)
                : gates == 3 ? CellParameters.gru(input, hidden) : CellParameters.lstm(input, hidden);
        RandomSource random = RandomSource.seeded(seed);
        for (DMatrixRMaj m : p.tensors()) {
            RandomMatrices.gaussian(m, 1.0, random);
        }
        return p;
    }

    private static void assertSameBits(CellParameters a, CellParameters b) {
        for (String name : a.names()) {
            assertTrue(NpyArray.matrix(a.get(name)).sameBits(NpyArray.matrix(b.get(name))), name);
        }
    }

    @Test
    void fileNamesAreThePytorchStateDictKeys() {
        assertEquals(List.of("weight_ih_l0.npy", "weight_hh_l0.npy", "bias_ih_l0.npy", "bias_hh_l0.npy"),
                StateDictIO.fileNames());
    }

    @Test
    void saveThenLoadGivesIdenticalBitsAndInfersSizes() throws IOException {
        CellParameters p = random(3, 5, 4, 7);
        StateDictIO.save(p, dir);
        CellParameters back = StateDictIO.load(dir, 3);
        assertEquals(5, back.weightIh().numCols);
        assertEquals(4, back.weightHh().numCols);
        assertSameBits(p, back);
    }

    @Test
    void biasesAreWrittenOneDimensionalAsInPytorch() throws IOException {
        StateDictIO.save(random(4, 2, 3, 1), dir);
        assertArrayEquals(new int[] {12}, Npy.read(dir.resolve("bias_ih_l0.npy")).shape());
        assertArrayEquals(new int[] {12, 3}, Npy.read(dir.resolve("weight_hh_l0.npy")).shape());
    }

    @Test
    void loadsAnLstmStateDictExportedWithNumpy() throws IOException {
        Path exported = NpyTest.resource("lstm_state_dict/weight_hh_l0.npy").getParent();
        CellParameters p = StateDictIO.load(exported, 4);
        assertEquals(32, p.weightHh().numRows);
        assertEquals(8, p.weightHh().numCols);
        assertEquals(2, p.weightIh().numCols);
        assertEquals(0.2854299545288086, p.weightHh().get(0, 0));
        assertEquals(-0.3396584689617157, p.weightHh().get(31, 7));
        assertEquals(-0.17701102793216705, p.biasIh().get(5, 0));
        double bound = 1 / Math.sqrt(8);
        for (DMatrixRMaj m : p.tensors()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                assertTrue(Math.abs(m.data[k]) <= bound, "PyTorch's U[-1/sqrt(H), 1/sqrt(H)]");
                assertEquals(m.data[k], (double) (float) m.data[k], "float32 values widened exactly");
            }
        }
    }

    @Test
    void wrongGateCountIsNamedWithTheFile() throws IOException {
        StateDictIO.save(random(4, 2, 3, 1), dir);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> StateDictIO.load(dir, 3));
        assertEquals(dir.resolve("weight_hh_l0.npy") + ": shape (12, 3) does not fit a cell with 3 gate block(s):"
                + " expected (3*H, H)", e.getMessage());
    }

    @Test
    void biasOfTheWrongLengthIsNamed() throws IOException {
        StateDictIO.save(random(1, 2, 3, 1), dir);
        Npy.writeVector(dir.resolve("bias_hh_l0.npy"), new DMatrixRMaj(4, 1));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> StateDictIO.load(dir, 1));
        assertEquals(dir.resolve("bias_hh_l0.npy") + ": shape (4,) does not match the cell: expected (3,)",
                e.getMessage());
    }

    @Test
    void weightGivenAsVectorIsRejected() throws IOException {
        StateDictIO.save(random(1, 2, 3, 1), dir);
        Npy.writeVector(dir.resolve("weight_ih_l0.npy"), new DMatrixRMaj(6, 1));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> StateDictIO.load(dir, 1));
        assertTrue(e.getMessage().contains("weight_ih_l0.npy: expected a 2-D array, found shape (6,)"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        StateDictIO.save(random(1, 2, 3, 1), dir);
        Files.delete(dir.resolve("bias_ih_l0.npy"));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> StateDictIO.load(dir, 1));
        assertEquals(dir.resolve("bias_ih_l0.npy") + ": no such file", e.getMessage());
    }

    @Test
    void nonFiniteParameterIsNamed() throws IOException {
        CellParameters p = random(1, 2, 3, 1);
        p.weightHh().set(1, 2, Double.NaN);
        StateDictIO.save(p, dir);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> StateDictIO.load(dir, 1));
        assertTrue(e.getMessage().startsWith(dir.resolve("weight_hh_l0.npy") + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("(1, 2) was NaN"), e.getMessage());
    }

    @Test
    void loadIntoChecksEveryShapeAgainstTheTarget() throws IOException {
        StateDictIO.save(random(1, 2, 3, 1), dir);
        CellParameters target = CellParameters.vanilla(5, 3);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> StateDictIO.loadInto(dir, target));
        assertEquals(dir.resolve("weight_ih_l0.npy") + ": shape (3, 2) does not match the cell: expected (3, 5)",
                e.getMessage());
        assertEquals(0, target.squaredNorm(), "target untouched on failure");
    }

    @Test
    void loadIntoCopiesMatchingFiles() throws IOException {
        CellParameters p = random(3, 2, 3, 9);
        StateDictIO.save(p, dir);
        CellParameters target = CellParameters.gru(2, 3);
        StateDictIO.loadInto(dir, target);
        assertSameBits(p, target);
    }

    @Test
    void cellStyleNamesWithoutLayerSuffixAreAccepted() throws IOException {
        CellParameters p = random(4, 1, 2, 3);
        StateDictIO.save(p, dir);
        for (String name : p.names()) {
            Files.move(dir.resolve(name + "_l0.npy"), dir.resolve(name + ".npy"));
        }
        assertSameBits(p, StateDictIO.load(dir, 4));
    }

    @Test
    void aGateCountNoCellHasIsRejectedBeforeAnyFileIsRead(@org.junit.jupiter.api.io.TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StateDictIO.load(dir, 2));
        assertTrue(e.getMessage().startsWith("gates must be 1 (vanilla), 3 (GRU) or 4 (LSTM), was 2"), e.getMessage());
    }
}
