package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.analysis.io.StateDictIO;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * Real PyTorch cells (torch.nn.LSTM, GRU, RNN with I = 2, H = 3, float64, made by
 * src/test/python/export_torch_fixtures.py) loaded through {@link StateDictIO}: our forward pass
 * gives PyTorch's final state, our backward pass gives autograd's gradients of L = u·h_T, and the
 * {@code analyse} command runs on the exported directory.
 */
class TorchInteropTest {
    /** Agreement demanded with PyTorch, relative to the largest entry of PyTorch's array. */
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path tmp;

    private static Path exported(String cell) {
        return NpyFiles.resource("torch/" + cell + "/" + StateDictIO.fileName(CellParameters.WEIGHT_HH)).getParent();
    }

    private static DMatrixRMaj array(String cell, String name) throws IOException {
        return Npy.read(exported(cell).resolve(name + ".npy")).toMatrix();
    }

    /** The loaded cell run forward over the exported inputs from the exported s_0. */
    private record Forward(RecurrentCell cell, StepCache[] caches, DMatrixRMaj[] inputs, DMatrixRMaj finalState) {
        static Forward of(String name) throws IOException {
            CellKind kind = CellKind.fromCliName(name);
            RecurrentCell cell = kind.create(2, 3);
            cell.setParameters(StateDictIO.load(exported(name), kind.gates()));
            DMatrixRMaj xs = array(name, "inputs");
            DMatrixRMaj state = column(array(name, "initial_state"));
            StepCache[] caches = new StepCache[xs.numRows];
            DMatrixRMaj[] inputs = new DMatrixRMaj[xs.numRows];
            for (int t = 0; t < xs.numRows; t++) {
                inputs[t] = new DMatrixRMaj(xs.numCols, 1, true,
                        Arrays.copyOfRange(xs.data, t * xs.numCols, (t + 1) * xs.numCols));
                caches[t] = cell.newCache();
                DMatrixRMaj next = new DMatrixRMaj(cell.stateSize(), 1);
                cell.forward(state, inputs[t], caches[t], next);
                state = next;
            }
            return new Forward(cell, caches, inputs, state);
        }
    }

    private static DMatrixRMaj column(DMatrixRMaj v) {
        v.reshape(v.getNumElements(), 1, true);
        return v;
    }

    /** max_k |a_k − b_k| / max_k |b_k|. */
    private static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        assertEquals(b.getNumElements(), a.getNumElements());
        double difference = 0;
        double scale = 0;
        for (int k = 0; k < b.getNumElements(); k++) {
            difference = Math.max(difference, Math.abs(a.data[k] - b.data[k]));
            scale = Math.max(scale, Math.abs(b.data[k]));
        }
        return difference / scale;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn-tanh", "rnn-relu"})
    void ourForwardPassGivesPytorchsFinalState(String cell) throws IOException {
        DMatrixRMaj ours = Forward.of(cell).finalState();
        DMatrixRMaj torch = column(array(cell, "final_state"));
        double error = relativeError(ours, torch);
        assertTrue(error <= TOLERANCE, cell + ": relative error " + error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn-tanh", "rnn-relu"})
    void ourBackwardPassGivesAutogradsGradients(String cell) throws IOException {
        Forward f = Forward.of(cell);
        DMatrixRMaj u = array(cell, "target");
        DMatrixRMaj adjoint = new DMatrixRMaj(f.cell().stateSize(), 1);
        System.arraycopy(u.data, 0, adjoint.data, 0, u.getNumElements());
        DMatrixRMaj gradInputs = new DMatrixRMaj(f.inputs().length, 2);
        for (int t = f.inputs().length - 1; t >= 0; t--) {
            DMatrixRMaj previous = new DMatrixRMaj(f.cell().stateSize(), 1);
            DMatrixRMaj input = new DMatrixRMaj(2, 1);
            f.cell().backward(f.caches()[t], adjoint, previous, input, f.cell().parameters().zerosLike());
            System.arraycopy(input.data, 0, gradInputs.data, 2 * t, 2);
            adjoint = previous;
        }
        double stateError = relativeError(adjoint, column(array(cell, "grad_initial_state")));
        double inputError = relativeError(gradInputs, array(cell, "grad_inputs"));
        assertTrue(stateError <= TOLERANCE, cell + ": dL/ds_0 relative error " + stateError);
        assertTrue(inputError <= TOLERANCE, cell + ": dL/dx relative error " + inputError);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn-tanh", "rnn-relu"})
    void analyseRunsEveryAnalysisOnThePytorchExport(String cell) throws IOException {
        Path out = tmp.resolve(cell);
        CliRun run = CliRun.of("analyse", "--cell", cell, "--weights", exported(cell).toString(), "--steps", "30",
                "--warm-up", "10", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        for (String file : new String[] {"profile/profile.csv", "spectrum/spectrum.csv", "lyapunov/lyapunov.csv",
            "manifest.json"}) {
            assertTrue(Files.exists(out.resolve(file)), file);
        }
        for (String name : StateDictIO.fileNames()) {
            assertTrue(Npy.read(exported(cell).resolve(name)).sameBits(Npy.read(out.resolve("profile").resolve(name))),
                    name + " written back with PyTorch's exact bits");
        }
    }
}
