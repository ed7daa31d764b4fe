/**
 * Recurrent cells in PyTorch's layout (vanilla RNN, GRU, LSTM) with their exact derivatives. Each cell
 * has a batch-1 reference path ({@link org.rnngradients.cells.RecurrentCell}: forward step, step and
 * input Jacobians, vector–Jacobian products, one matrix–vector product at a time, as the book shows it)
 * and a batched path ({@link org.rnngradients.cells.CellPass}: B sequences as matrix columns, each
 * step one GEMM, the Jacobian–matrix product J_t·V without forming J_t; and
 * {@link org.rnngradients.cells.Unroll}: a whole batch of sequences with the input projections and
 * the weight gradients of all steps as one GEMM each). The two paths agree to rounding.
 */
package org.rnngradients.cells;
