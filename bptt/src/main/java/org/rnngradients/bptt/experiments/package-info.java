/**
 * Runnable experiments (each with a {@code main}) that write the CSV files under
 * {@code bptt/experiments/results}; run on purpose, never as tests.
 */
package org.rnngradients.bptt.experiments;
