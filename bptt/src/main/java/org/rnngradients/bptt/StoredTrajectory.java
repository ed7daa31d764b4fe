package org.rnngradients.bptt;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.StepCache;

/**
 * A forward pass that keeps everything the backward pass needs: the states s_0..s_T and the step
 * caches of steps 1..T (index t holds step t; caches[0] is unused). Memory O(T); shared by
 * {@link FullBptt} and {@link AdjointProfiler}.
 */
final class StoredTrajectory {
    final DMatrixRMaj[] states;
    final StepCache[] caches;

    private StoredTrajectory(DMatrixRMaj[] states, StepCache[] caches) {
        this.states = states;
        this.caches = caches;
    }

    // tag::full-bptt-forward[]
    /** Runs s_t = f(s_{t−1}, x_t) for t = 1..T from {@code s0}, keeping every state and cache. */
    static StoredTrajectory run(RecurrentCell cell, Sequence sequence, DMatrixRMaj s0) {
        int steps = sequence.length();
        DMatrixRMaj[] states = Checks.states(steps, cell.stateSize());
        StepCache[] caches = new StepCache[steps + 1];
        states[0].setTo(s0);
        for (int t = 1; t <= steps; t++) {
            caches[t] = cell.newCache();
            cell.forward(states[t - 1], sequence.input(t), caches[t], states[t]);
        }
        return new StoredTrajectory(states, caches);
    }
    // end::full-bptt-forward[]

    /** s_T. */
    DMatrixRMaj finalState() {
        return states[states.length - 1];
    }
}
