/** The seeded training loop, its progress reports and test-set evaluation. */
package org.rnngradients.bptt.train;
