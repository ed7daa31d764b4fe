package org.rnngradients.analysis.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.linalg.internal.Require;

/**
 * A one-layer cell's parameters as a directory of {@code .npy} files named after PyTorch's
 * {@code state_dict} keys: {@code weight_ih_l0.npy} (G·H × I), {@code weight_hh_l0.npy} (G·H × H),
 * {@code bias_ih_l0.npy} and {@code bias_hh_l0.npy} (1-D, G·H), with G = 1 (RNN), 3 (GRU) or 4 (LSTM)
 * gate blocks in PyTorch's order. Files written by {@code numpy.save} from
 * {@code torch.nn.RNN/GRU/LSTM.state_dict()} load unchanged; the un-suffixed names of
 * {@code torch.nn.*Cell} ({@code weight_ih.npy}, …) are accepted when the {@code _l0} files are absent.
 */
public final class StateDictIO {
    /** The suffix PyTorch gives the first layer's parameters. */
    public static final String LAYER_SUFFIX = "_l0";

    private static final List<String> NAMES = List.of(CellParameters.WEIGHT_IH, CellParameters.WEIGHT_HH,
            CellParameters.BIAS_IH, CellParameters.BIAS_HH);

    private StateDictIO() {
    }

    /** The file names written and read, in order: weight_ih_l0.npy, weight_hh_l0.npy, bias_ih_l0.npy, bias_hh_l0.npy. */
    public static List<String> fileNames() {
        return NAMES.stream().map(StateDictIO::fileName).toList();
    }

    /** The file name of parameter {@code name} (a {@link CellParameters} name), e.g. weight_hh_l0.npy. */
    public static String fileName(String name) {
        Require.nonNull(name, "name");
        return name + LAYER_SUFFIX + ".npy";
    }

    /** Writes the four parameter files of {@code parameters} into the existing directory {@code dir}. */
    // tag::state-dict-save[]
    public static void save(CellParameters parameters, Path dir) throws IOException {
        Require.nonNull(parameters, "parameters");
        Require.nonNull(dir, "dir");
        for (String name : NAMES) {
            DMatrixRMaj m = parameters.get(name);
            Path file = dir.resolve(fileName(name));
            Npy.write(file, isBias(name) ? NpyArray.vector(m) : NpyArray.matrix(m));
        }
    }
    // end::state-dict-save[]

    /**
     * Loads parameters with {@code gates} gate blocks from {@code dir}, inferring the hidden size H from
     * {@code weight_hh} (G·H × H) and the input size I from {@code weight_ih} (G·H × I), and checking every
     * other shape against them. Errors are {@link NpyFormatException}s naming the file.
     */
    public static CellParameters load(Path dir, int gates) throws IOException {
        Require.nonNull(dir, "dir");
        zeroParameters(gates, 1, 1);                                    // rejects a gate count no cell has
        DMatrixRMaj hh = read(dir, CellParameters.WEIGHT_HH);
        int hidden = hh.numCols;
        if (hidden < 1 || hh.numRows != gates * hidden) {
            throw new NpyFormatException(file(dir, CellParameters.WEIGHT_HH), "shape (" + hh.numRows + ", "
                    + hh.numCols + ") does not fit a cell with " + gates + " gate block(s): expected (" + gates
                    + "*H, H)");
        }
        DMatrixRMaj ih = read(dir, CellParameters.WEIGHT_IH);
        if (ih.numCols < 1) {
            throw new NpyFormatException(file(dir, CellParameters.WEIGHT_IH), "input size must be > 0, was 0");
        }
        CellParameters parameters = zeroParameters(gates, ih.numCols, hidden);
        parameters.weightHh().setTo(hh);
        fill(parameters, CellParameters.WEIGHT_IH, ih, file(dir, CellParameters.WEIGHT_IH));
        for (String bias : List.of(CellParameters.BIAS_IH, CellParameters.BIAS_HH)) {
            fill(parameters, bias, read(dir, bias), file(dir, bias));
        }
        requireFinite(parameters, dir);
        return parameters;
    }

    /** Zero parameters of the cell layout with {@code gates} blocks (1 vanilla, 3 GRU, 4 LSTM). */
    private static CellParameters zeroParameters(int gates, int inputSize, int hiddenSize) {
        switch (gates) {
            case 1:
                return CellParameters.vanilla(inputSize, hiddenSize);
            case 3:
                return CellParameters.gru(inputSize, hiddenSize);
            case 4:
                return CellParameters.lstm(inputSize, hiddenSize);
            default:
                throw new IllegalArgumentException("gates must be 1 (vanilla), 3 (GRU) or 4 (LSTM), was " + gates);
        }
    }

    /**
     * Loads the files in {@code dir} into {@code target}, whose shapes they must match exactly
     * (a shape mismatch names the file, the expected and the found shape).
     */
    public static void loadInto(Path dir, CellParameters target) throws IOException {
        Require.nonNull(dir, "dir");
        Require.nonNull(target, "target");
        CellParameters loaded = target.zerosLike();
        for (String name : NAMES) {
            fill(loaded, name, read(dir, name), file(dir, name));
        }
        requireFinite(loaded, dir);
        target.setTo(loaded);
    }

    /** The file that holds {@code name}: the _l0 name, or PyTorch's cell name when only that exists. */
    static Path file(Path dir, String name) {
        Path layer = dir.resolve(fileName(name));
        Path cell = dir.resolve(name + ".npy");
        return !Files.exists(layer) && Files.exists(cell) ? cell : layer;
    }

    private static boolean isBias(String name) {
        return name.startsWith("bias");
    }

    /** Parameter {@code name} from its file: a weight must be 2-D, a bias 1-D (or n × 1). */
    private static DMatrixRMaj read(Path dir, String name) throws IOException {
        Path file = file(dir, name);
        NpyArray a = Npy.read(file);
        boolean bias = isBias(name);
        boolean fits = bias ? a.dimensions() == 1 || a.dimensions() == 2 && a.shape()[1] == 1 : a.dimensions() == 2;
        if (!fits) {
            throw new NpyFormatException(file, "expected a " + (bias ? 1 : 2) + "-D array, found shape "
                    + a.shapeString());
        }
        return a.toMatrix();
    }

    /** Copies {@code m} into parameter {@code name} after checking its shape. */
    private static void fill(CellParameters p, String name, DMatrixRMaj m, Path file) {
        DMatrixRMaj target = p.get(name);
        if (m.numRows != target.numRows || m.numCols != target.numCols) {
            throw new NpyFormatException(file, "shape " + shape(name, m) + " does not match the cell: expected "
                    + shape(name, target));
        }
        target.setTo(m);
    }

    /** The NumPy shape under which parameter {@code name} is stored: (n,) for a bias, (rows, cols) otherwise. */
    private static String shape(String name, DMatrixRMaj m) {
        return NpyArray.shapeString(isBias(name) ? new int[] {m.numRows} : new int[] {m.numRows, m.numCols});
    }

    private static void requireFinite(CellParameters p, Path dir) {
        for (String name : NAMES) {
            try {
                Require.finite(p.get(name), name);
            } catch (IllegalArgumentException e) {
                throw new NpyFormatException(file(dir, name), e.getMessage());
            }
        }
    }
}
