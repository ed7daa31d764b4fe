package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.loss.Loss;
import org.rnngradients.bptt.tasks.Task;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.linalg.RandomMatrices;

/**
 * The loss a gradient profile differentiates, with the sequence it is scored on: L = uᵀh_T for a
 * random unit vector u (inputs of --input none or gaussian), or, for --input task, the task's own
 * loss of an untrained linear readout ŷ_t = W_hy h_t + b_y against the task's targets.
 */
final class ProfileLoss {
    private final Readout readout;
    private final Loss loss;
    private final Sequence sequence;
    private final Task task;

    private ProfileLoss(Readout readout, Loss loss, Sequence sequence, Task task) {
        this.readout = readout;
        this.loss = loss;
        this.sequence = sequence;
        this.task = task;
    }

    /** The loss of {@code r}: the task's when {@code r} runs on a task sequence, the projection otherwise. */
    static ProfileLoss of(CellRun r) {
        return r.task == null ? projection(r) : task(r);
    }

    private static ProfileLoss projection(CellRun r) {
        DMatrixRMaj u = new DMatrixRMaj(r.cell.hiddenSize(), 1);
        RandomMatrices.gaussian(u, 1.0, r.random.fork("target"));
        LogSpace.normalise(u);
        return new ProfileLoss(null, new ProjectionLoss(), Sequence.lastStep(r.inputColumns(), u), null);
    }

    /** The readout is drawn as {@code train} draws its initial one (Xavier uniform, same seed and label). */
    private static ProfileLoss task(CellRun r) {
        Readout readout = Readout.initialised(r.cell.hiddenSize(), r.task.outputSize(), Initialiser.xavierUniform(1.0),
                r.random.fork("readout"));
        return new ProfileLoss(readout, r.task.loss(), r.taskSequence(), r.task);
    }

    /** The sequence the loss is scored on (its inputs are the run's inputs). */
    Sequence sequence() {
        return sequence;
    }

    /** The model that applies this loss to {@code cell}'s hidden states. */
    RnnModel model(RecurrentCell cell) {
        return readout == null ? new RnnModel(cell, loss) : new RnnModel(cell, readout, loss);
    }

    /** Writes what defines the loss besides the run's own files: target.npy, or the readout and task_*.npy. */
    void write(Path out) throws IOException {
        if (readout == null) {
            RunFiles.vector(out, "target.npy", sequence.target(sequence.length()));
        } else {
            RunFiles.readout(out, readout);
            SequenceArrays.write(out, "task", new Sequence[] {sequence});
        }
    }

    /** The definition written to loss.txt. */
    String definition() {
        if (readout == null) {
            return "L = u^T h_T with u = target.npy (a unit vector), so dL/dh_T = u.\n";
        }
        return "L = sum over the task's target steps t of " + loss + "(y_t, target_t), the loss of the task "
                + task.name() + ",\nwith an untrained linear readout y_t = readout.weight h_t + readout.bias"
                + " (readout.weight.npy, readout.bias.npy;\nXavier uniform, drawn as train draws its initial readout"
                + " for the same --seed). The targets are task_targets.npy\nat the steps in task_target_steps.npy"
                + " (sequence 0, step t counted from 1); task_inputs.npy equals inputs.npy.\n";
    }
}
