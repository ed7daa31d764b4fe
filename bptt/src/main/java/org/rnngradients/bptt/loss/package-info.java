/** Per-step losses with their gradients: mean squared error and softmax cross-entropy. */
package org.rnngradients.bptt.loss;
