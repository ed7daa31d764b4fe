/**
 * Sweeps over gain × hidden size × cell × seed, one Lyapunov computation per point.
 *
 * <ul>
 *   <li>The unit of work is a pure function, {@link org.rnngradients.analysis.sweep.PointTask}: a
 *       {@link org.rnngradients.analysis.sweep.SweepPoint} in, a
 *       {@link org.rnngradients.analysis.sweep.SweepResult} out, with no shared mutable state and a
 *       result fixed by the point alone, so the order and the number of threads cannot change it.
 *       {@link org.rnngradients.analysis.sweep.LyapunovTask} is the one this project runs. Points,
 *       results and tasks are serialisable, so the same function can be mapped over a distributed
 *       collection (for example {@code sparkContext.parallelize(points).map(task::evaluate)}).</li>
 *   <li>{@link org.rnngradients.analysis.sweep.SweepRunner} runs the points on a local thread pool and
 *       appends each result, as one whole row, to a {@link org.rnngradients.analysis.sweep.SweepJournal}
 *       (a CSV file); a rerun skips the points already there, and the finished file is rewritten in
 *       grid order, so it does not depend on thread count, completion order or interruptions.</li>
 *   <li>{@link org.rnngradients.analysis.sweep.GainSummary} and
 *       {@link org.rnngradients.analysis.sweep.ZeroCrossing} reduce the results: mean and standard
 *       error of λ_1 per gain, and the gain at which λ_1 crosses a threshold, with a bootstrap error.</li>
 * </ul>
 */
package org.rnngradients.analysis.sweep;
