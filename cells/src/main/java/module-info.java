/**
 * Recurrent cells (vanilla RNN, GRU, LSTM) with exact step Jacobians and vector-Jacobian products, in
 * PyTorch's parameter layout.
 */
module org.rnngradients.cells {
    requires transitive org.rnngradients.linalg;

    exports org.rnngradients.cells;
}
