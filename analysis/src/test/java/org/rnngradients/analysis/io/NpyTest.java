package org.rnngradients.analysis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy reader and writer against files made by NumPy itself and against malformed input. */
class NpyTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource npy/" + name, e);
        }
    }

    /** numpy's special_2x3_f8.npy with byte {@code index} replaced by {@code value}. */
    private static byte[] withByte(int index, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(resource("special_2x3_f8.npy"));
        bytes[index] = (byte) value;
        return bytes;
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    @Test
    void readsSpecialValuesWrittenByNumpyWithExactBits() throws IOException {
        NpyArray a = Npy.read(resource("special_2x3_f8.npy"));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        double[] expected = {1.5, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Math.PI};
        double[] data = a.data();
        for (int k = 0; k < expected.length; k++) {
            assertEquals(bits(expected[k]), bits(data[k]), "entry " + k);
        }
    }

    @Test
    void oneDimensionalArrayBecomesColumnVector() throws IOException {
        DMatrixRMaj v = Npy.readMatrix(resource("vector_4_f8.npy"));
        assertEquals(4, v.numRows);
        assertEquals(1, v.numCols);
        assertArrayEquals(new double[] {0.1, -2.0, 3e300, -1e-310}, Arrays.copyOf(v.data, 4));
    }

    @Test
    void zeroDimensionalArrayIsOneByOne() throws IOException {
        NpyArray a = Npy.read(resource("scalar_f8.npy"));
        assertEquals(0, a.dimensions());
        assertEquals(2.718281828459045, a.toMatrix().get(0, 0));
    }

    @Test
    void emptyArrayKeepsItsShape() throws IOException {
        NpyArray a = Npy.read(resource("empty_0x3_f8.npy"));
        assertArrayEquals(new int[] {0, 3}, a.shape());
        assertEquals(0, a.data().length);
    }

    @Test
    void readsBigEndianFloat64() throws IOException {
        DMatrixRMaj m = Npy.readMatrix(resource("big_endian_2x2_f8.npy"));
        assertArrayEquals(new double[] {1, 2, 3, 4}, m.data);
    }

    @Test
    void readsFloat32AsTheNearestDouble() throws IOException {
        double[] data = Npy.read(resource("float32_3_f4.npy")).data();
        assertArrayEquals(new double[] {(double) 0.1f, 1.0, -2.5}, data);
    }

    @Test
    void fortranOrderIsTransposedIntoRowMajor() throws IOException {
        DMatrixRMaj m = Npy.readMatrix(resource("fortran_2x3_f8.npy"));
        assertEquals(2, m.numRows);
        assertEquals(3, m.numCols);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, m.data);
    }

    @Test
    void readsFormatVersionTwo() throws IOException {
        assertArrayEquals(new double[] {1, -1, 0.5, 0.25}, Npy.readMatrix(resource("version2_2x2_f8.npy")).data);
    }

    @Test
    void writerProducesTheSameBytesAsNumpy() throws IOException {
        double[] m = new double[6];
        for (int k = 0; k < 6; k++) {
            m[k] = k / 7.0;
        }
        assertArrayEquals(Files.readAllBytes(resource("writer_reference_3x2_f8.npy")),
                Npy.encode(new NpyArray(new int[] {3, 2}, m)));
        double[] v = {-0.0, 1e-320, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.3};
        assertArrayEquals(Files.readAllBytes(resource("writer_reference_5_f8.npy")),
                Npy.encode(new NpyArray(new int[] {5}, v)));
    }

    @Test
    void dataStartsOnA64ByteBoundary() {
        for (int n = 0; n < 40; n++) {
            byte[] bytes = Npy.encode(new NpyArray(new int[] {n, n + 1000}, new double[n * (n + 1000)]));
            assertEquals(0, (bytes.length - 8L * n * (n + 1000)) % 64, "shape (" + n + ", " + (n + 1000) + ")");
        }
    }

    @Test
    void writeThenReadGivesIdenticalBitsForSpecialValues() throws IOException {
        double nan = Double.longBitsToDouble(0x7ff8000000000000L);
        double[] values = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL / 3, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, nan, 1 / 3.0, -Math.E};
        NpyArray a = new NpyArray(new int[] {5, 2}, values);
        Path file = dir.resolve("special.npy");
        Npy.write(file, a);
        assertTrue(a.sameBits(Npy.read(file)));
    }

    @Test
    void vectorIsWrittenOneDimensional() throws IOException {
        Path file = dir.resolve("bias.npy");
        Npy.writeVector(file, new DMatrixRMaj(new double[][] {{1}, {2}, {3}}));
        NpyArray a = Npy.read(file);
        assertArrayEquals(new int[] {3}, a.shape());
        assertEquals("(3,)", a.shapeString());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("m.npy");
        Npy.writeMatrix(file, new DMatrixRMaj(2, 2));
        Npy.writeMatrix(file, new DMatrixRMaj(new double[][] {{7}}));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertArrayEquals(new int[] {1, 1}, Npy.read(file).shape());
    }

    private NpyFormatException failure(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.npy");
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    void truncatedDataIsRejected() throws IOException {
        byte[] full = Files.readAllBytes(resource("special_2x3_f8.npy"));
        NpyFormatException e = failure("cut.npy", Arrays.copyOf(full, full.length - 1));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("needs 48 data bytes, found 47"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        byte[] full = Files.readAllBytes(resource("special_2x3_f8.npy"));
        assertTrue(failure("head.npy", Arrays.copyOf(full, 40)).getMessage().contains("truncated"));
        assertTrue(failure("tiny.npy", Arrays.copyOf(full, 3)).getMessage().contains("truncated"));
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] full = Files.readAllBytes(resource("special_2x3_f8.npy"));
        assertTrue(failure("long.npy", Arrays.copyOf(full, full.length + 8)).getMessage()
                .contains("8 unexpected bytes"));
    }

    @Test
    void badMagicIsRejected() throws IOException {
        assertTrue(failure("magic.npy", withByte(1, 'X')).getMessage().contains("bad magic"));
    }

    @Test
    void unsupportedVersionIsRejected() throws IOException {
        assertTrue(failure("v9.npy", withByte(6, 9)).getMessage().contains("version 9.0"));
    }

    @Test
    void wrongDtypeIsNamed() throws IOException {
        NpyFormatException e = failure("int.npy", Files.readAllBytes(resource("int64_3.npy")));
        assertTrue(e.getMessage().contains("unsupported dtype '<i8'"), e.getMessage());
    }

    @Test
    void threeDimensionalArrayIsRejected() throws IOException {
        NpyFormatException e = failure("cube.npy", Files.readAllBytes(resource("three_d_f8.npy")));
        assertTrue(e.getMessage().contains("(2, 2, 2)"), e.getMessage());
    }

    @Test
    void malformedHeaderIsRejected() throws IOException {
        assertTrue(failure("dict.npy", withByte(10, '[')).getMessage().contains("bad header"));
    }

    @Test
    void directoryIsNotAFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub.npy"));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(sub));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void arrayRejectsDataOfTheWrongLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NpyArray(new int[] {2, 2}, new double[3]));
        assertTrue(e.getMessage().contains("data length must be 4"), e.getMessage());
    }
}
