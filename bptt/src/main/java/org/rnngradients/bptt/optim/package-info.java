/** First-order optimisers: SGD with momentum and Adam. */
package org.rnngradients.bptt.optim;
