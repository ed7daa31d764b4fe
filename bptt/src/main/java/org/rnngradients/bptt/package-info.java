/**
 * Sequence engines for recurrent models: exact full BPTT ({@link org.rnngradients.bptt.FullBptt}),
 * truncated BPTT(k1, k2) ({@link org.rnngradients.bptt.TruncatedBptt}), checkpointed exact BPTT with
 * O(√T) stored activations ({@link org.rnngradients.bptt.CheckpointedBptt}) and the log-space adjoint
 * profile ({@link org.rnngradients.bptt.AdjointProfiler}), one sequence at a time on the cells' batch-1
 * reference steps; and exact BPTT over a whole batch with batched and time-batched matrix products
 * ({@link org.rnngradients.bptt.BatchedBptt}, the {@link org.rnngradients.bptt.BatchGradientEngine} the
 * trainer uses for full BPTT). Every backward pass is a loop over t = T..1 carrying
 * δ_{t−1} = J_tᵀ δ_t + ∂L_{t−1}/∂h_{t−1}; none recurses over time.
 */
package org.rnngradients.bptt;
