package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;
import org.rnngradients.linalg.internal.Require;

/**
 * Truncated BPTT(k1, k2) in Sutskever's notation: the sequence is run forward one step at a time and,
 * every k1 steps (and once more at t = T for a partial final chunk), BPTT runs backward over the last
 * k2 steps only. Memory is min(max(k1, k2), T) caches: bounded by k1 and k2 whatever T is.
 *
 * <p><b>What is dropped.</b> Write the exact gradient as the sum over losses L_s and earlier steps
 * r ≤ s of (∂L_s/∂s_s)·J_s·…·J_{r+1}·(∂⁺s_r/∂θ). Let b(s) be the end of the chunk that holds s (the
 * first multiple of k1 at or after s, or T). The truncated gradient keeps exactly the terms with
 * r &gt; b(s) − k2 and drops every term with r ≤ b(s) − k2, i.e. every path from L_s back to a step
 * more than k2 − 1 steps before its chunk's end. When k2 &lt; k1 a loss with s ≤ b(s) − k2 keeps only
 * its readout gradient. The inputs' and initial state's gradients are truncated the same way.
 * With k1 = T and k2 ≥ T nothing is dropped and the result equals {@link FullBptt}.
 *
 * <p><b>Modes.</b> {@link Mode#STATEFUL}: the forward state flows across chunk boundaries (but the
 * gradient does not beyond k2 steps) and the final state s_T is carried into the next call (the next
 * sequence or batch) until {@link #resetState()}. {@link Mode#STATELESS}: every chunk restarts from
 * the initial state, so chunks are independent sequences and no backward window crosses a chunk start.
 */
public final class TruncatedBptt implements GradientEngine {

    /** Whether the hidden state is carried across chunks and calls, or reset at every chunk. */
    public enum Mode {
        /** Carry the state across chunks and across calls. */
        STATEFUL,
        /** Reset the state to s_0 at every chunk start. */
        STATELESS
    }

    private final int k1;
    private final int k2;
    private final Mode mode;
    private DMatrixRMaj carried;

    /** BPTT(k1, k2): every k1 steps, backpropagate k2 steps; both ≥ 1. */
    public TruncatedBptt(int k1, int k2, Mode mode) {
        this.k1 = Require.positive(k1, "k1");
        this.k2 = Require.positive(k2, "k2");
        this.mode = Require.nonNull(mode, "mode");
    }

    /** k1, the number of forward steps between backward passes. */
    public int k1() {
        return k1;
    }

    /** k2, the number of steps each backward pass covers. */
    public int k2() {
        return k2;
    }

    /** The mode. */
    public Mode mode() {
        return mode;
    }

    /** Forgets the carried state: the next call starts from zero. */
    public void resetState() {
        carried = null;
    }

    @Override
    public SequenceGradient compute(RnnModel model, Sequence sequence, DMatrixRMaj initialState) {
        DMatrixRMaj start = initialState;
        if (start == null && mode == Mode.STATEFUL && carried != null
                && model != null && carried.numRows == model.cell().stateSize()) {
            start = carried;
        }
        DMatrixRMaj s0 = Checks.initialState(model, sequence, start);
        SequenceGradient result = new Run(model, sequence, s0).execute();
        if (mode == Mode.STATEFUL) {
            carried = result.finalState().copy();
        }
        return result;
    }

    /** One pass over one sequence, with ring buffers of min(max(k1, k2), T) caches and states. */
    private final class Run {
        private final RnnModel model;
        private final RecurrentCell cell;
        private final Sequence sequence;
        private final DMatrixRMaj s0;
        private final int capacity;
        private final DMatrixRMaj[] states;
        private final StepCache[] caches;
        private final OutputLayer out;
        private final ModelGradients grads;
        private final DMatrixRMaj[] dx;
        private final DMatrixRMaj dxStep;
        private final DMatrixRMaj initialGradient;
        private final DMatrixRMaj dropped;
        private DMatrixRMaj delta;
        private DMatrixRMaj previous;
        private double loss;

        Run(RnnModel model, Sequence sequence, DMatrixRMaj s0) {
            this.model = model;
            this.cell = model.cell();
            this.sequence = sequence;
            this.s0 = s0;
            this.capacity = Math.min(Math.max(k1, k2), sequence.length());   // no window is longer than T
            this.states = Checks.states(capacity, cell.stateSize());
            this.caches = new StepCache[capacity];
            for (int k = 0; k < capacity; k++) {
                caches[k] = cell.newCache();
            }
            this.out = new OutputLayer(model);
            this.grads = model.newGradients();
            this.dx = new DMatrixRMaj[sequence.length()];
            for (int t = 0; t < dx.length; t++) {
                dx[t] = new DMatrixRMaj(cell.inputSize(), 1);
            }
            this.dxStep = new DMatrixRMaj(cell.inputSize(), 1);
            this.initialGradient = new DMatrixRMaj(cell.stateSize(), 1);
            this.dropped = new DMatrixRMaj(cell.stateSize(), 1);
            this.delta = new DMatrixRMaj(cell.stateSize(), 1);
            this.previous = new DMatrixRMaj(cell.stateSize(), 1);
        }

        private DMatrixRMaj state(int t) {
            return states[t % (capacity + 1)];
        }

        private StepCache cache(int t) {
            return caches[t % capacity];
        }

        // tag::truncated-bptt-loop[]
        SequenceGradient execute() {
            int steps = sequence.length();
            state(0).setTo(s0);
            int chunkStart = 1;
            for (int t = 1; t <= steps; t++) {
                boolean reset = mode == Mode.STATELESS && t == chunkStart;
                cell.forward(reset ? s0 : state(t - 1), sequence.input(t), cache(t), state(t));
                if (t % k1 == 0 || t == steps) {                 // every k1 steps, and a partial last chunk
                    backwardChunk(chunkStart, t);
                    chunkStart = t + 1;
                }
            }
            return new SequenceGradient(loss, grads, dx, initialGradient, null, state(steps).copy());
        }
        // end::truncated-bptt-loop[]

        // tag::truncated-bptt-chunk[]
        /** Injects the losses of steps from..to and backpropagates k2 steps from {@code to}. */
        private void backwardChunk(int from, int to) {
            int floor = mode == Mode.STATELESS ? from - 1 : 0;   // the step whose state is s_0
            int stop = Math.max(to - k2, floor);                 // backpropagate through stop+1 .. to
            delta.zero();
            for (int s = to; s > stop; s--) {
                if (s >= from && sequence.target(s) != null) {
                    loss += out.injectLossGradient(state(s), sequence.target(s), grads, delta);
                }
                cell.backward(cache(s), delta, previous, dxStep, grads.cell());   // δ_{s−1} = J_sᵀ δ_s
                addInto(dx[s - 1], dxStep);
                DMatrixRMaj swap = delta;
                delta = previous;
                previous = swap;
            }
            for (int s = Math.min(stop, to); s >= from; s--) {   // only when k2 < chunk length
                if (sequence.target(s) != null) {
                    loss += out.injectLossGradient(state(s), sequence.target(s), grads, dropped);
                }
            }
            if (stop == floor) {
                addInto(initialGradient, delta);                 // the window reached s_0
            }
        }
        // end::truncated-bptt-chunk[]

        private void addInto(DMatrixRMaj sum, DMatrixRMaj term) {
            for (int i = 0; i < sum.numRows; i++) {
                sum.data[i] += term.data[i];
            }
        }
    }
}
