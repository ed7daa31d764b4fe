/**
 * The {@code rnn-gradients} command line ({@link org.rnngradients.analysis.cli.RnnGradients}): gradient
 * profiles, Jacobian-product spectra, Lyapunov spectra, training on long-range tasks, the same analyses on
 * weights exported from PyTorch, and the book's recorded experiments (the adding problem over lengths, clipping
 * from an exploding start, mean profiles of several cells, truncation bias, checkpoint memory). Every run writes
 * one self-contained directory (results as CSV and SVG, parameters, inputs, initial state, loss definition and a
 * manifest), staged beside the target and moved into place only when complete. Not exported: the module's API is
 * the analysis library; this package is its internal front end.
 */
package org.rnngradients.analysis.cli;
