/**
 * The "cliff" of Pascanu, Mikolov &amp; Bengio (2013, §2.3, Fig. 6): the loss surface of a one-unit
 * recurrent network over its recurrent weight and bias, and the path of gradient descent on it with
 * and without norm clipping. Built on the project's cells and the bptt module's exact gradients,
 * clipping and optimiser.
 */
package org.rnngradients.analysis.cliff;
