/** Gradient clipping (global norm, per parameter, by value) and the policies for non-finite gradients. */
package org.rnngradients.bptt.clip;
