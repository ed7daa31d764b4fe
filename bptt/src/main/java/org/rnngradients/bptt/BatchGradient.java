package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.linalg.internal.Require;

/**
 * What a {@link BatchGradientEngine} returns for a batch of B sequences: the mean loss
 * (1/B)·Σ_b L_b and its gradient with respect to every parameter, and for each sequence b its own
 * loss L_b, input gradients ∂L_b/∂x_{b,t} (t = 1..T_b), initial-state gradient ∂L_b/∂s_{b,0}, final
 * state s_{b,T_b} and, for the exact engines, its adjoint profile. A gradient from
 * {@link BatchGradientEngine#parameterGradient} may hold the losses and the parameter gradient only.
 */
public final class BatchGradient {
    private final double loss;
    private final ModelGradients gradients;
    private final double[] losses;
    private final DMatrixRMaj[] inputGradients;
    private final DMatrixRMaj[] initialStateGradients;
    private final DMatrixRMaj[] finalStates;
    private final GradientProfile[] profiles;
    private final boolean perSequenceParts;

    private BatchGradient(double loss, ModelGradients gradients, Builder b) {
        this.loss = loss;
        this.gradients = gradients;
        this.losses = b.losses;
        this.inputGradients = b.inputGradients;
        this.initialStateGradients = b.initialStateGradients;
        this.finalStates = b.finalStates;
        this.profiles = b.profiles;
        this.perSequenceParts = b.perSequenceParts;
    }

    /** B. */
    public int size() {
        return losses.length;
    }

    /** The mean loss (1/B)·Σ_b L_b. */
    public double loss() {
        return loss;
    }

    /** ∂/∂θ of the mean loss, for every model parameter. */
    public ModelGradients gradients() {
        return gradients;
    }

    /** L_b, the loss of sequence b (0-based, in batch order). */
    public double loss(int b) {
        return losses[column(b)];
    }

    /** ∂L_b/∂x_{b,t} for t = 1..T_b (not divided by B), a new I × 1 copy. */
    public DMatrixRMaj inputGradient(int b, int t) {
        DMatrixRMaj dx = inputGradients[collected(b, "input gradients")];
        Require.inRange(t, 1, dx.numCols, "t");
        DMatrixRMaj out = new DMatrixRMaj(dx.numRows, 1);
        for (int i = 0; i < dx.numRows; i++) {
            out.data[i] = dx.data[i * dx.numCols + t - 1];
        }
        return out;
    }

    /** Every ∂L_b/∂x_{b,t} of sequence b as the columns t = 1..T_b of an I × T_b matrix (live). */
    public DMatrixRMaj inputGradients(int b) {
        return inputGradients[collected(b, "input gradients")];
    }

    /** ∂L_b/∂s_{b,0} (not divided by B). */
    public DMatrixRMaj initialStateGradient(int b) {
        return initialStateGradients[collected(b, "initial-state gradients")];
    }

    /** s_{b,T_b}, the state after sequence b's last step. */
    public DMatrixRMaj finalState(int b) {
        return finalStates[collected(b, "final states")];
    }

    /** The profile ‖∂L_b/∂h_t‖ of sequence b, or null when the engine does not compute it. */
    public GradientProfile profile(int b) {
        return profiles[collected(b, "profiles")];
    }

    private int column(int b) {
        return Require.inRange(b, 0, losses.length - 1, "b");
    }

    /** Column b, once checked that the engine collected the per-sequence {@code parts}. */
    private int collected(int b, String parts) {
        int column = column(b);
        if (!perSequenceParts) {
            throw new IllegalStateException(parts + " were not collected: this gradient comes from parameterGradient,"
                    + " which computes only the losses and the parameter gradient");
        }
        return column;
    }

    /** Collects the per-sequence parts. */
    static final class Builder {
        final double[] losses;
        final DMatrixRMaj[] inputGradients;
        final DMatrixRMaj[] initialStateGradients;
        final DMatrixRMaj[] finalStates;
        final GradientProfile[] profiles;
        /** Whether the per-sequence parts are filled in (false: only the losses). */
        boolean perSequenceParts = true;

        Builder(int size) {
            losses = new double[size];
            inputGradients = new DMatrixRMaj[size];
            initialStateGradients = new DMatrixRMaj[size];
            finalStates = new DMatrixRMaj[size];
            profiles = new GradientProfile[size];
        }

        /** Sequence b's parts from its own gradient. */
        void sequence(int b, SequenceGradient g) {
            losses[b] = g.loss();
            DMatrixRMaj[] dx = g.inputGradients();
            inputGradients[b] = new DMatrixRMaj(dx[0].numRows, dx.length);
            for (int t = 0; t < dx.length; t++) {
                for (int i = 0; i < dx[t].numRows; i++) {
                    inputGradients[b].data[i * dx.length + t] = dx[t].data[i];
                }
            }
            initialStateGradients[b] = g.initialStateGradient();
            finalStates[b] = g.finalState();
            profiles[b] = g.profile();
        }

        BatchGradient build(double loss, ModelGradients gradients) {
            return new BatchGradient(loss, gradients, this);
        }
    }
}
