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

/** The Benettin loop allocates nothing per step: 100,000 extra steps cost (almost) no extra bytes. */
class AllocationTest {
    /** Slack for class loading and JIT bookkeeping; one small allocation per step would exceed it 30-fold. */
    private static final long SLACK_BYTES = 64 * 1024;

    private static long allocatedBytes(Runnable run) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(id);
        run.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    private static void assertNoPerStepAllocation(java.util.function.Supplier<JacobianSource> source) {
        int interval = 1000;
        Runnable shortRun = () -> new LyapunovSpectrum(4, 0, 2 * interval, interval).compute(source.get());
        Runnable longRun = () -> new LyapunovSpectrum(4, 0, 102 * interval, interval).compute(source.get());
        shortRun.run();
        longRun.run();
        long extra = allocatedBytes(longRun) - allocatedBytes(shortRun);
        assertTrue(extra < SLACK_BYTES, "100,000 extra steps allocated " + extra + " bytes");
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
