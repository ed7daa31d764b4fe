/**
 * Gradient flossing (Engelken 2023): the exact gradient of the k largest Lyapunov exponents with respect
 * to a cell's parameters, through the QR method ({@link org.rnngradients.bptt.floss.LyapunovGradient},
 * with the QR adjoint and per-cell tangent steps), the flossing term and phase that use it in training,
 * and the adding-problem experiment that compares flossing with clipping and orthogonal initialisation.
 */
package org.rnngradients.bptt.floss;
