package org.rnngradients.bptt;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.LogSpace;
import org.rnngradients.cells.CellPass;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.Unroll;
import org.rnngradients.linalg.internal.Require;

/**
 * Exact BPTT over a batch of B sequences at once, with batched and time-batched matrix products: the
 * sequences are the columns of S × B state matrices, each step is one GEMM W_hh·H_{t−1}, the input
 * projections of all steps and the weight and input gradients of all steps are one GEMM each (see
 * {@link Unroll}). Sequences may differ in length: a sequence that has ended carries no loss and no
 * gradient. The results equal B runs of {@link FullBptt} to rounding (1e-12 relative in the tests;
 * the summation orders differ). With B = 1 it is the fast path for a single sequence
 * ({@link #compute(RnnModel, Sequence, DMatrixRMaj)}).
 *
 * <p>The engine keeps its workspace (the cell's {@link CellPass}, the unroll, the states) between
 * calls for the same model and batch size and renews the pass's snapshot of the parameters at each
 * call, so a training loop allocates only the results. One instance must not be used by two threads
 * at once.
 */
public final class BatchedBptt implements BatchGradientEngine, GradientEngine {
    private Workspace workspace;

    /** An engine with no workspace yet. */
    public BatchedBptt() {
    }

    @Override
    public BatchGradient compute(RnnModel model, Sequence[] batch) {
        return compute(model, batch, null);
    }

    /**
     * The losses and the mean parameter gradient only: no input gradients (their GEMM and copies), no
     * profiles (a norm per step and sequence), no initial-state gradients or final states.
     */
    @Override
    public BatchGradient parameterGradient(RnnModel model, Sequence[] batch) {
        Checks.batch(model, batch);
        return workspace(model, batch.length).run(batch, null, false);
    }

    /** The mean gradient of the batch from the initial states {@code initialStates} (S × B; zero when null). */
    public BatchGradient compute(RnnModel model, Sequence[] batch, DMatrixRMaj initialStates) {
        Checks.batch(model, batch);
        RecurrentCell cell = model.cell();
        if (initialStates != null) {
            Require.shape(initialStates, cell.stateSize(), batch.length, "initialStates");
            Require.finite(initialStates, "initialStates");
        }
        Workspace w = workspace(model, batch.length);
        return w.run(batch, initialStates, true);
    }

    /** Exact BPTT of one sequence through the time-batched path (a batch of one). */
    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj s0 = Checks.initialState(model, sequence, initialState);
        BatchGradient g = compute(model, new Sequence[] {sequence}, s0);
        DMatrixRMaj[] dx = new DMatrixRMaj[sequence.length()];
        for (int t = 1; t <= dx.length; t++) {
            dx[t - 1] = g.inputGradient(0, t);
        }
        return new SequenceGradient(g.loss(0), g.gradients(), dx, g.initialStateGradient(0), g.profile(0),
                g.finalState(0));
    }

    /** This engine itself. */
    @Override
    public BatchGradientEngine batched() {
        return this;
    }

    private Workspace workspace(RnnModel model, int batchSize) {
        if (workspace == null || workspace.model != model || workspace.unroll.pass().batchSize() != batchSize) {
            workspace = new Workspace(model, batchSize);
        } else {
            workspace.unroll.pass().refresh();
        }
        return workspace;
    }

    @Override
    public String toString() {
        return "batched full BPTT";
    }

    /** The buffers of one model and batch size, reused across calls. */
    private static final class Workspace {
        final RnnModel model;
        final RecurrentCell cell;
        final Unroll unroll;
        final OutputLayer out;
        final List<DMatrixRMaj> states = new ArrayList<>();
        final DMatrixRMaj stateColumn;
        final DMatrixRMaj deltaColumn;
        final int batch;
        DMatrixRMaj delta;
        DMatrixRMaj previous;

        Workspace(RnnModel model, int batch) {
            this.model = model;
            this.cell = model.cell();
            this.batch = batch;
            this.unroll = new Unroll(cell.newPass(batch));
            this.out = new OutputLayer(model);
            this.stateColumn = new DMatrixRMaj(cell.stateSize(), 1);
            this.deltaColumn = new DMatrixRMaj(cell.stateSize(), 1);
            this.delta = new DMatrixRMaj(cell.stateSize(), batch);
            this.previous = new DMatrixRMaj(cell.stateSize(), batch);
        }

        BatchGradient run(Sequence[] sequences, DMatrixRMaj initialStates, boolean perSequenceParts) {
            int[] lengths = new int[batch];
            for (int b = 0; b < batch; b++) {
                lengths[b] = sequences[b].length();
            }
            unroll.begin(lengths);
            forward(sequences, lengths, initialStates);
            BatchGradient.Builder result = new BatchGradient.Builder(batch);
            result.perSequenceParts = perSequenceParts;
            ModelGradients grads = model.newGradients();
            double[][] logNorms = backward(sequences, lengths, grads, result);
            unroll.accumulateGradients(grads.cell());
            if (perSequenceParts) {
                collect(lengths, logNorms, result);
            }
            double loss = 0;
            for (double l : result.losses) {
                loss += l;
            }
            if (batch > 1) {
                grads.all().scale(1.0 / batch);
            }
            return result.build(loss / batch, grads);
        }

        // tag::batched-bptt-forward[]
        /** S_t = f(S_{t−1}, X_t) for t = 1..T, all B sequences at once, keeping every S_t. */
        private void forward(Sequence[] sequences, int[] lengths, DMatrixRMaj initialStates) {
            for (int b = 0; b < batch; b++) {
                for (int t = 1; t <= lengths[b]; t++) {
                    unroll.input(t, b, sequences[b].input(t));
                }
            }
            int steps = unroll.steps();
            while (states.size() <= steps) {
                states.add(new DMatrixRMaj(cell.stateSize(), batch));
            }
            if (initialStates == null) {
                states.get(0).zero();
            } else {
                states.get(0).setTo(initialStates);
            }
            for (int t = 1; t <= steps; t++) {
                unroll.forward(t, states.get(t - 1), states.get(t));
            }
        }
        // end::batched-bptt-forward[]

        // tag::batched-bptt-backward[]
        /** Δ_T..Δ_0 for all B sequences: inject each ∂L_t/∂h_t, then Δ_{t−1} = J_tᵀ Δ_t column by column. */
        private double[][] backward(Sequence[] sequences, int[] lengths, ModelGradients grads,
                                    BatchGradient.Builder result) {
            double[][] logNorms = result.perSequenceParts ? new double[batch][] : null;
            for (int b = 0; logNorms != null && b < batch; b++) {
                logNorms[b] = new double[lengths[b]];
            }
            delta.zero();
            for (int t = unroll.steps(); t >= 1; t--) {
                for (int b = 0; b < batch; b++) {
                    if (t <= lengths[b]) {
                        DMatrixRMaj target = sequences[b].target(t);
                        if (target != null) {
                            result.losses[b] += injectLossGradient(states.get(t), b, target, grads);  // Δ_t += ∂L_t/∂h_t
                        }
                        if (logNorms != null) {
                            logNorms[b][t - 1] = logNormOfHidden(b);                                // ‖∂L/∂h_t‖
                        }
                    }
                }
                unroll.backward(t, delta, previous);                                                // Δ_{t−1} = J_tᵀ Δ_t
                DMatrixRMaj swap = delta;
                delta = previous;
                previous = swap;
            }
            return logNorms;
        }
        // end::batched-bptt-backward[]

        /** Column b of Δ_t += ∂L_t/∂h_t at state column b of S_t (readout gradients added to grads); returns L_t. */
        private double injectLossGradient(DMatrixRMaj state, int b, DMatrixRMaj target, ModelGradients grads) {
            int hs = cell.hiddenSize();
            for (int r = 0; r < hs; r++) {                  // the loss reads only h, the first H rows
                stateColumn.data[r] = state.data[r * batch + b];
                deltaColumn.data[r] = 0;
            }
            double loss = out.injectLossGradient(stateColumn, target, grads, deltaColumn);
            for (int r = 0; r < hs; r++) {
                delta.data[r * batch + b] += deltaColumn.data[r];
            }
            return loss;
        }

        /** ln‖h rows of column b of Δ_t‖. */
        private double logNormOfHidden(int b) {
            for (int r = 0; r < cell.hiddenSize(); r++) {
                deltaColumn.data[r] = delta.data[r * batch + b];
            }
            return LogSpace.logNorm(deltaColumn.data, cell.hiddenSize());
        }

        /** Per sequence: ∂L/∂s_0 (Δ_0), s_{T_b}, ∂L/∂x_t and the profile. */
        private void collect(int[] lengths, double[][] logNorms, BatchGradient.Builder result) {
            for (int b = 0; b < batch; b++) {
                result.initialStateGradients[b] = copyColumn(delta, b, new DMatrixRMaj(cell.stateSize(), 1));
                result.finalStates[b] = copyColumn(states.get(lengths[b]), b, new DMatrixRMaj(cell.stateSize(), 1));
                result.inputGradients[b] = unroll.inputGradients(b, new DMatrixRMaj(cell.inputSize(), lengths[b]));
                result.profiles[b] = AdjointRecursion.profileOrNull(logNorms[b]);
            }
        }

        private static DMatrixRMaj copyColumn(DMatrixRMaj m, int b, DMatrixRMaj out) {
            for (int r = 0; r < m.numRows; r++) {
                out.data[r] = m.data[r * m.numCols + b];
            }
            return out;
        }
    }
}
