package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.analysis.plot.Chart;
import org.rnngradients.analysis.plot.SvgFigure;
import org.rnngradients.analysis.io.StateDictIO;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.cells.RecurrentCell;

/**
 * The files that let anyone rerun an experiment without this tool: the cell's parameters under
 * PyTorch's state_dict names, the inputs (T × I, row t−1 = x_t), the initial state and the loss,
 * plus the results as CSV and SVG.
 */
final class RunFiles {
    /** Inputs x_1..x_T as one T × I array. */
    static final String INPUTS = "inputs.npy";
    /** The initial state s_0 (1-D; [h; c] for an LSTM). */
    static final String INITIAL_STATE = "initial_state.npy";
    /** The loss definition in words and formulas. */
    static final String LOSS = "loss.txt";

    private RunFiles() {
    }

    /** weight_ih_l0.npy, weight_hh_l0.npy, bias_ih_l0.npy, bias_hh_l0.npy. */
    static void parameters(Path out, RecurrentCell cell) throws IOException {
        StateDictIO.save(cell.parameters(), out);
    }

    /** The parameters of {@code model}: its cell's state_dict files and, if it has one, its readout. */
    static void model(Path out, RnnModel model) throws IOException {
        parameters(out, model.cell());
        if (model.hasReadout()) {
            readout(out, model.readout());
        }
    }

    /** readout.weight.npy (O × H) and readout.bias.npy (O), named as the bptt module names them. */
    static void readout(Path out, Readout readout) throws IOException {
        Npy.writeMatrix(out.resolve(RnnModel.READOUT_WEIGHT + ".npy"), readout.weight());
        Npy.writeVector(out.resolve(RnnModel.READOUT_BIAS + ".npy"), readout.bias());
    }

    /** A column vector as a 1-D array. */
    static void vector(Path out, String name, DMatrixRMaj v) throws IOException {
        Npy.writeVector(out.resolve(name), v);
    }

    /** A UTF-8 text file. */
    static void text(Path out, String name, String text) throws IOException {
        Npy.writeAtomically(out.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A results table, as {@link CsvWriter} wrote it into {@code table}. */
    static void csv(Path out, String name, StringBuilder table) throws IOException {
        text(out, name, table.toString());
    }

    /**
     * A chart drawn by the shared wrapper (the book's too). Its defs prefix comes from the file name, so the same
     * data give the same bytes and two charts of one run keep their ids apart on one page.
     */
    static void svg(Path out, String name, Chart chart) throws IOException {
        text(out, name, SvgFigure.svg(defsPrefix(name), chart));
    }

    /** {@code rnn-gradients-} and the file's name without {@code .svg}: {@code profile.svg} → {@code rnn-gradients-profile}. */
    static String defsPrefix(String name) {
        if (!name.endsWith(".svg") || name.length() == 4) {
            throw new IllegalArgumentException("chart file name must be <stem>.svg, was '" + name + "'");
        }
        return "rnn-gradients-" + name.substring(0, name.length() - 4);
    }
}
