package org.rnngradients.analysis.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * Reads and writes NumPy's {@code .npy} format (versions 1.0, 2.0 and 3.0), so arrays pass to and
 * from {@code numpy.load} / {@code numpy.save} with no extra package.
 *
 * <p>Writing produces float64 little-endian ({@code '<f8'}) arrays in C order, version 1.0 unless
 * the header needs 2.0, with the header padded to a multiple of 64 bytes as NumPy does. Every value
 * keeps its exact bits (−0.0, subnormals, ±∞ and NaN included). Files are written to a temporary
 * file beside the target and moved into place, so a reader never sees half a file.
 *
 * <p>Reading accepts {@code '<f8'}, {@code '>f8'}, {@code '<f4'} and {@code '>f4'} in C or Fortran
 * order, with 0, 1 or 2 dimensions. Anything else fails with an {@link NpyFormatException} whose
 * one-line message names the file and the problem.
 */
public final class Npy {
    /** The six bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy aligns the start of the data to this many bytes. */
    static final int ALIGN = 64;

    private Npy() {
    }

    /** Reads the array in {@code file}. */
    public static NpyArray read(Path file) throws IOException {
        Require.nonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NpyFormatException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new NpyFormatException(file, "permission denied");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new NpyFormatException(file, "is a directory, not a .npy file");
            }
            throw e;
        }
        return parse(bytes, file);
    }

    /** Reads {@code file} as a matrix: 2-D as is, 1-D as a column vector, 0-D as 1 × 1. */
    public static DMatrixRMaj readMatrix(Path file) throws IOException {
        return read(file).toMatrix();
    }

    /** Writes {@code array} to {@code file} (float64, C order), atomically replacing any existing file. */
    public static void write(Path file, NpyArray array) throws IOException {
        Require.nonNull(file, "file");
        Require.nonNull(array, "array");
        writeAtomically(file, encode(array));
    }

    /** Writes {@code m} as a 2-D array {@code (rows, cols)}. */
    public static void writeMatrix(Path file, DMatrixRMaj m) throws IOException {
        write(file, NpyArray.matrix(m));
    }

    /** Writes the column vector {@code v} (n × 1) as a 1-D array {@code (n,)}. */
    public static void writeVector(Path file, DMatrixRMaj v) throws IOException {
        write(file, NpyArray.vector(v));
    }

    // tag::npy-encode[]
    /** The bytes of a {@code .npy} file holding {@code array}: magic, version, padded header, values. */
    public static byte[] encode(NpyArray array) {
        Require.nonNull(array, "array");
        byte[] dict = NpyHeader.literal(array.shape()).getBytes(StandardCharsets.ISO_8859_1);
        boolean v1 = MAGIC.length + 2 + 2 + dict.length + 1 <= 0xFFFF;
        int prefix = MAGIC.length + 2 + (v1 ? 2 : 4);
        int headerLength = roundUp(prefix + dict.length + 1, ALIGN) - prefix; // dict, spaces, '\n'
        double[] data = array.data();
        ByteBuffer out = ByteBuffer.allocate(prefix + headerLength + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) (v1 ? 1 : 2)).put((byte) 0);
        if (v1) {
            out.putShort((short) headerLength);
        } else {
            out.putInt(headerLength);
        }
        out.put(dict);
        for (int k = dict.length; k < headerLength - 1; k++) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        for (double x : data) {
            out.putLong(Double.doubleToRawLongBits(x));
        }
        return out.array();
    }
    // end::npy-encode[]

    /** Parses the bytes of a {@code .npy} file; {@code file} only names the source in error messages. */
    // tag::npy-parse[]
    public static NpyArray parse(byte[] bytes, Path file) {
        Require.nonNull(bytes, "bytes");
        Require.nonNull(file, "file");
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        NpyHeader header = header(in, file);
        long expected = header.elements() * header.itemSize();
        long found = in.remaining();
        if (found < expected) {
            throw new NpyFormatException(file, "truncated: shape " + shapeString(header.shape()) + " of "
                    + header.descr() + " needs " + expected + " data bytes, found " + found);
        }
        if (found > expected) {
            throw new NpyFormatException(file, (found - expected) + " unexpected bytes after the data of shape "
                    + shapeString(header.shape()));
        }
        return new NpyArray(header.shape(), values(in, header));
    }
    // end::npy-parse[]

    /** Reads the magic string and the header, and checks that this reader handles the array. */
    private static NpyHeader header(ByteBuffer in, Path file) {
        if (in.remaining() < MAGIC.length + 4) {
            throw new NpyFormatException(file, "truncated: " + in.remaining() + " bytes is too short for a .npy file");
        }
        for (byte b : MAGIC) {
            if (in.get() != b) {
                throw new NpyFormatException(file, "not a .npy file (bad magic string)");
            }
        }
        String text = headerText(in, file);
        NpyHeader header;
        try {
            header = NpyHeader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(file, e.getMessage());
        }
        return check(header, file);
    }

    /** Reads the version, the header length and the header dict text that follow the magic string. */
    private static String headerText(ByteBuffer in, Path file) {
        int major = in.get() & 0xFF;
        int minor = in.get() & 0xFF;
        if (major < 1 || major > 3) {
            throw new NpyFormatException(file, "unsupported .npy format version " + major + "." + minor);
        }
        if (major > 1 && in.remaining() < 4) {
            throw new NpyFormatException(file, "truncated in the header length");
        }
        long length = major == 1 ? in.getShort() & 0xFFFF : in.getInt() & 0xFFFFFFFFL;
        if (length > in.remaining()) {
            throw new NpyFormatException(file, "truncated: header of " + length + " bytes, only " + in.remaining()
                    + " bytes left");
        }
        byte[] dict = new byte[(int) length];
        in.get(dict);
        return new String(dict, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** Rejects dtypes and dimensions this reader does not handle. */
    private static NpyHeader check(NpyHeader header, Path file) {
        if (!NpyHeader.SUPPORTED.contains(header.descr())) {
            throw new NpyFormatException(file, "unsupported dtype '" + header.descr() + "' (supported: "
                    + String.join(", ", NpyHeader.SUPPORTED) + ")");
        }
        if (header.shape().length > 2) {
            throw new NpyFormatException(file, "unsupported shape " + shapeString(header.shape())
                    + " (only 0-, 1- and 2-D arrays)");
        }
        if (header.elements() > Integer.MAX_VALUE - 8) {
            throw new NpyFormatException(file, "shape " + shapeString(header.shape()) + " is too large");
        }
        return header;
    }

    /** Decodes the values and returns them in C order. */
    private static double[] values(ByteBuffer in, NpyHeader header) {
        in.order(header.byteOrder());
        double[] data = new double[(int) header.elements()];
        for (int k = 0; k < data.length; k++) {
            data[k] = header.itemSize() == 8 ? in.getDouble() : in.getFloat();
        }
        int[] shape = header.shape();
        if (!header.fortranOrder() || shape.length < 2) {
            return data;
        }
        double[] c = new double[data.length];
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                c[i * shape[1] + j] = data[j * shape[0] + i];
            }
        }
        return c;
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code file}, then moves it into place
     * (atomically where the file system allows), so {@code file} is either absent, old or complete.
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Require.nonNull(file, "file");
        Require.nonNull(bytes, "bytes");
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    private static String shapeString(int[] shape) {
        return NpyArray.shapeString(shape);
    }
}
