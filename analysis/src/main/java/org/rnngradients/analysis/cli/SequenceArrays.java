package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.io.Npy;
import org.rnngradients.bptt.Sequence;

/**
 * A set of sequences (possibly of different lengths) as four 2-D/1-D arrays: {@code PREFIX_inputs.npy}
 * (all inputs, sequence after sequence, ΣT × I), {@code PREFIX_lengths.npy} (N), {@code PREFIX_targets.npy}
 * (every target, M × O) and {@code PREFIX_target_steps.npy} (M × 2: sequence index, step t, both from 0 and 1).
 */
final class SequenceArrays {
    private SequenceArrays() {
    }

    /** Writes {@code sequences} under {@code prefix} into {@code dir}. */
    static void write(Path dir, String prefix, Sequence[] sequences) throws IOException {
        int rows = Arrays.stream(sequences).mapToInt(Sequence::length).sum();
        int targets = Arrays.stream(sequences).mapToInt(s -> s.lossSteps().length).sum();
        int inputSize = sequences[0].inputSize();
        int outputSize = sequences[0].target(sequences[0].lossSteps()[0]).numRows;
        DMatrixRMaj inputs = new DMatrixRMaj(rows, inputSize);
        DMatrixRMaj lengths = new DMatrixRMaj(sequences.length, 1);
        DMatrixRMaj ys = new DMatrixRMaj(targets, outputSize);
        DMatrixRMaj where = new DMatrixRMaj(targets, 2);
        int row = 0;
        int target = 0;
        for (int n = 0; n < sequences.length; n++) {
            Sequence s = sequences[n];
            lengths.data[n] = s.length();
            for (int t = 1; t <= s.length(); t++) {
                System.arraycopy(s.input(t).data, 0, inputs.data, row++ * inputSize, inputSize);
                if (s.target(t) != null) {
                    System.arraycopy(s.target(t).data, 0, ys.data, target * outputSize, outputSize);
                    where.set(target, 0, n);
                    where.set(target++, 1, t);
                }
            }
        }
        Npy.writeMatrix(dir.resolve(prefix + "_inputs.npy"), inputs);
        Npy.writeVector(dir.resolve(prefix + "_lengths.npy"), lengths);
        Npy.writeMatrix(dir.resolve(prefix + "_targets.npy"), ys);
        Npy.writeMatrix(dir.resolve(prefix + "_target_steps.npy"), where);
    }
}
