/**
 * NumPy interop: {@link org.rnngradients.analysis.io.Npy} reads and writes {@code .npy} files with exact
 * bits, and {@link org.rnngradients.analysis.io.StateDictIO} stores a cell's parameters under PyTorch's
 * {@code state_dict} names ({@code weight_ih_l0.npy}, {@code weight_hh_l0.npy}, {@code bias_ih_l0.npy},
 * {@code bias_hh_l0.npy}), so weights move between PyTorch and this project with {@code numpy.save} and
 * {@code numpy.load} alone.
 */
package org.rnngradients.analysis.io;
