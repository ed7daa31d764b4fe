/**
 * The {@code rnn-gradients} command line ({@link org.rnngradients.analysis.cli.RnnGradients}): gradient
 * profiles, Jacobian-product spectra, Lyapunov spectra, training on long-range tasks, and the same
 * analyses on weights exported from PyTorch. Every run writes one self-contained directory (results as
 * CSV and SVG, parameters, inputs, initial state, loss definition and a manifest), staged beside the
 * target and moved into place only when complete.
 */
package org.rnngradients.analysis.cli;
