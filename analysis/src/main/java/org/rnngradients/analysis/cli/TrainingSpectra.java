package org.rnngradients.analysis.cli;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.CellTrajectory;
import org.rnngradients.analysis.InputSequence;
import org.rnngradients.analysis.LyapunovResult;
import org.rnngradients.analysis.LyapunovSpectrum;
import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.cells.GruCell;
import org.rnngradients.cells.LstmCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * The Lyapunov spectrum of a cell while it trains, on the task's own inputs: for each of a fixed set of task
 * sequences, the cell runs from the zero state through the whole sequence (as in training) and the QR method
 * gives the k largest finite-time exponents of its full state (an LSTM's [h; c], 2H) over that sequence,
 * λ_i = (1/T) Σ ln R_ii; the table holds their mean, minimum and maximum over the sequences. Beside it, the mean
 * of the memory gate along the same trajectories (the LSTM's forget gate f, the GRU's update gate z; a value near
 * 1 keeps the state), whose units' memory times 1/(1 − f) bound how far back a gradient can reach.
 */
final class TrainingSpectra {
    static final List<String> HEADER = List.of("cell", "T", "step", "sequences", "index", "exponent_mean",
            "exponent_min", "exponent_max", "mean_memory_gate", "note");
    private static final int INTERVAL = 10;

    private final String cellName;
    private final int length;
    private final Sequence[] sequences;
    private final int exponents;
    private final CsvWriter out;

    /** Spectra of {@code exponents} exponents over {@code sequences} (fixed for the run), written to {@code out}. */
    TrainingSpectra(String cellName, int length, Sequence[] sequences, int exponents, CsvWriter out) {
        this.cellName = cellName;
        this.length = length;
        this.sequences = sequences.clone();
        this.exponents = exponents;
        this.out = out;
    }

    /** Records the spectrum of {@code cell} as it is after {@code step} training steps ({@code seen} sequences). */
    void record(RecurrentCell cell, long step, long seen) {
        double[][] lambda = new double[sequences.length][];
        String note = "";
        for (int s = 0; s < sequences.length && note.isEmpty(); s++) {
            try {
                lambda[s] = spectrum(cell, sequences[s]).exponents();
            } catch (ArithmeticException e) {
                note = "refused on sequence " + s + ": " + e.getMessage();
            }
        }
        double gate = meanMemoryGate(cell);
        Object gateCell = Double.isNaN(gate) ? "" : (Object) gate;
        for (int i = 0; i < exponents; i++) {
            if (!note.isEmpty()) {
                out.row(cellName, length, step, seen, i + 1, "", "", "", gateCell, note);
                continue;
            }
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] l : lambda) {
                sum += l[i];
                min = Math.min(min, l[i]);
                max = Math.max(max, l[i]);
            }
            out.row(cellName, length, step, seen, i + 1, sum / lambda.length, min, max, gateCell, "");
        }
    }

    /** The finite-time spectrum of one sequence from the zero state. */
    private LyapunovResult spectrum(RecurrentCell cell, Sequence s) {
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.of(inputs(s)),
                new DMatrixRMaj(cell.stateSize(), 1));
        return new LyapunovSpectrum(exponents, 0, s.length(), INTERVAL).compute(trajectory);
    }

    private static List<DMatrixRMaj> inputs(Sequence s) {
        List<DMatrixRMaj> xs = new ArrayList<>(s.length());
        for (int t = 1; t <= s.length(); t++) {
            xs.add(s.input(t));
        }
        return xs;
    }

    /** The mean of the memory gate over every unit and step of the sequences (NaN for a cell without one). */
    static double meanMemoryGate(RecurrentCell cell, Sequence[] sequences) {
        if (!(cell instanceof LstmCell) && !(cell instanceof GruCell)) {
            return Double.NaN;
        }
        StepCache cache = cell.newCache();
        DMatrixRMaj previous = new DMatrixRMaj(cell.stateSize(), 1);
        DMatrixRMaj state = new DMatrixRMaj(cell.stateSize(), 1);
        DMatrixRMaj gate = new DMatrixRMaj(cell.hiddenSize(), 1);
        double sum = 0;
        long count = 0;
        for (Sequence s : sequences) {
            previous.zero();
            for (int t = 1; t <= s.length(); t++) {
                cell.forward(previous, s.input(t), cache, state);
                if (cell instanceof LstmCell lstm) {
                    lstm.forgetGate(cache, gate);
                } else {
                    ((GruCell) cell).updateGate(cache, gate);
                }
                for (double g : gate.data) {
                    sum += g;
                }
                count += gate.data.length;
                DMatrixRMaj swap = previous;
                previous = state;
                state = swap;
            }
        }
        return sum / count;
    }

    private double meanMemoryGate(RecurrentCell cell) {
        return meanMemoryGate(cell, sequences);
    }
}
