package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.RandomSource;

/**
 * The Benettin loop allocates nothing per step: 100,000 extra steps cost no extra bytes beyond the records the
 * result returns (one per re-orthonormalisation interval, whose length the guard may shorten).
 */
class AllocationTest {
    /** Slack for class loading and JIT bookkeeping; one small allocation per step would exceed it 30-fold. */
    private static final long SLACK_BYTES = 64 * 1024;
    /**
     * A record of k = 4 exponents: two double[4] (48 bytes each with headers), a loss, a step count and two
     * references, all in arrays that grow by doubling; twice that covers the slack a doubling leaves.
     */
    private static final long BYTES_PER_RECORD = 2 * (2 * 48 + 8 + 4 + 2 * 8);

    private static long allocatedBytes(Runnable run) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        run.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    private static void assertNoPerStepAllocation(java.util.function.Supplier<JacobianSource> source) {
        int interval = 1000;
        LyapunovSpectrum shortRun = new LyapunovSpectrum(4, 0, 2 * interval, interval);
        LyapunovSpectrum longRun = new LyapunovSpectrum(4, 0, 102 * interval, interval);
        int extraRecords = longRun.compute(source.get()).records() - shortRun.compute(source.get()).records();
        long extra = allocatedBytes(() -> longRun.compute(source.get())) - allocatedBytes(() -> shortRun.compute(source.get()));
        long allowed = SLACK_BYTES + extraRecords * BYTES_PER_RECORD;
        assertTrue(extra < allowed, "100,000 extra steps (" + extraRecords + " more records) allocated " + extra
                + " bytes, allowed " + allowed);
    }

    @Test
    void benettinLoopOnALinearMapAllocatesNothingPerStep() {
        DMatrixRMaj w = new DMatrixRMaj(8, 8);
        Initialiser.orthogonal(1.0).initialise(w, RandomSource.seeded(1));
        assertNoPerStepAllocation(() -> new LinearMap(w));
    }

    @Test
    void benettinLoopOnATanhRnnTrajectoryAllocatesNothingPerStep() {
        RecurrentCell cell = CellKind.RNN_TANH.create(2, 8);
        Cells.initialise(cell, Initialiser.orthogonal(1.0), Initialiser.uniform(0.5), RandomSource.seeded(2));
        assertNoPerStepAllocation(() -> CellTrajectory.autonomous(cell));
    }
}
