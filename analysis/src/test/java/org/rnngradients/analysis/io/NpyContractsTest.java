package org.rnngradients.analysis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.cells.CellParameters;

/**
 * The .npy format at its edges: headers that end mid-literal, the three format versions and their length fields,
 * the largest shape still accepted, biases stored as columns, a hidden size
 * of one, and the bit-for-bit comparison of arrays.
 */
class NpyContractsTest {
    @TempDir
    Path dir;

    private static IllegalArgumentException badHeader(String text) {
        return assertThrows(IllegalArgumentException.class, () -> NpyHeader.parse(text));
    }

    @Test
    void aHeaderThatEndsMidLiteralIsABadHeaderNamingTheEnd() {
        for (String text : new String[] {"{", "{'descr': '<f8', 'fortran_order': False, 'shape': (3",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3L", "{'descr'", "{'descr': '<f8', 'fortran_order': ",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3,"}) {
            IllegalArgumentException e = badHeader(text);
            assertTrue(e.getMessage().startsWith("bad header: expected ") && e.getMessage().endsWith("found end of header"),
                    text + " -> " + e.getMessage());
        }
        assertEquals(2147483647, NpyHeader.parse("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647,), }")
                .shape()[0]);
        assertTrue(badHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483648,), }").getMessage()
                .contains("shape dimension 2147483648 is too large"));
    }

    /** A .npy file of format {@code major}.0 whose header is {@code dict} (padded) and whose data is {@code data}. */
    private static byte[] file(int major, String dict, int dataBytes) {
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Npy.MAGIC);
        out.write(major);
        out.write(0);
        int length = text.length + 1;
        if (major == 1) {
            out.write(length & 0xFF);
            out.write(length >> 8);
        } else {
            for (int b = 0; b < 4; b++) {
                out.write(length >> (8 * b) & 0xFF);
            }
        }
        out.writeBytes(text);
        out.write('\n');
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    private static NpyFormatException parseFailure(byte[] bytes) {
        return assertThrows(NpyFormatException.class, () -> Npy.parse(bytes, Path.of("x.npy")));
    }

    @Test
    void versionsOneTwoAndThreeAreReadAndOthersRefused() {
        String dict = NpyHeader.literal(new int[] {2});
        for (int major = 1; major <= 3; major++) {
            assertArrayEquals(new int[] {2}, Npy.parse(file(major, dict, 16), Path.of("v.npy")).shape(), "v" + major);
        }
        assertTrue(parseFailure(file(4, dict, 16)).getMessage().contains("unsupported .npy format version 4.0"));
        byte[] zero = file(1, dict, 16);
        zero[6] = 0;
        assertTrue(parseFailure(zero).getMessage().contains("version 0.0"));
        String utf8 = "{'descr': 'é8', 'fortran_order': False, 'shape': (2,), }";
        assertTrue(parseFailure(file(3, utf8, 16)).getMessage().contains("unsupported dtype 'é8'"), "v3 is UTF-8");
    }

    @Test
    void shortFilesAreTruncatedAtTheirLengthField() {
        byte[] ten = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 10, 0};
        assertTrue(parseFailure(ten).getMessage().contains("truncated: header of 10 bytes, only 0 bytes left"));
        byte[] v2 = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0, 0, 0, 0};
        assertTrue(parseFailure(v2).getMessage().contains("bad header"), "a v2 length field of exactly 4 bytes is read");
        byte[] v2Short = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0, 0, 0};
        assertTrue(parseFailure(v2Short).getMessage().contains("truncated in the header length"));
    }

    @Test
    void theLargestShapeAcceptedIsTheLargestArray() {
        String largest = NpyHeader.literal(new int[] {Integer.MAX_VALUE - 8});
        assertTrue(parseFailure(file(1, largest, 0)).getMessage().contains("truncated"), "accepted, then short of data");
        String beyond = NpyHeader.literal(new int[] {Integer.MAX_VALUE - 7});
        assertTrue(parseFailure(file(1, beyond, 0)).getMessage().contains("is too large"));
    }

    @Test
    void biasesStoredAsColumnsAndAHiddenSizeOfOneLoad() throws IOException {
        CellParameters one = CellParameters.vanilla(2, 1);
        one.weightHh().set(0, 0, 0.5);
        one.biasIh().set(0, 0, -1);
        StateDictIO.save(one, dir);
        Npy.writeMatrix(dir.resolve(StateDictIO.fileName(CellParameters.BIAS_HH)), new DMatrixRMaj(new double[][] {{2}}));
        CellParameters loaded = StateDictIO.load(dir, 1);
        assertEquals(0.5, loaded.weightHh().get(0, 0), 0);
        assertEquals(-1, loaded.biasIh().get(0, 0), 0);
        assertEquals(2, loaded.biasHh().get(0, 0), 0);
    }

    @Test
    void arraysAreComparedBitForBit() {
        NpyArray a = new NpyArray(new int[] {2}, new double[] {0.0, Double.NaN});
        assertTrue(a.sameBits(new NpyArray(new int[] {2}, new double[] {0.0, Double.NaN})));
        assertFalse(a.sameBits(new NpyArray(new int[] {2}, new double[] {-0.0, Double.NaN})), "−0 is not 0");
        assertFalse(a.sameBits(new NpyArray(new int[] {2, 1}, new double[] {0.0, Double.NaN})), "the shape counts");
        assertFalse(a.sameBits(null));
        assertEquals("NpyArray(2,)", a.toString());
        assertEquals("NpyArray(2, 3)", new NpyArray(new int[] {2, 3}, new double[6]).toString());
    }

    @Test
    void aFileOfAnotherLengthFieldIsStillReadWhole() throws IOException {
        Path f = dir.resolve("v1.npy");
        Files.write(f, file(1, NpyHeader.literal(new int[] {1}), 8));
        assertEquals(1, Npy.read(f).data().length);
    }
}
