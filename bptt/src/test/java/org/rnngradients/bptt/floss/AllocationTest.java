package org.rnngradients.bptt.floss;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.cells.CellKind;
import org.rnngradients.cells.CellParameters;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.linalg.RandomSource;

/**
 * Once its workspace exists, a gradient of the exponents (forward QR recursion and its reverse over
 * T = 50 steps) allocates nothing: the bytes the thread allocates over 20 warm calls — 1000 forward
 * and 1000 backward steps — stay below 1 kB (least of three rounds, so one-off JIT or class loading
 * is not counted). Measured with HotSpot's per-thread allocation counter, not with time. (A ReLU RNN is
 * left out: with k = 4 of 8 directions its dead units make R rank-deficient, where no gradient exists.)
 */
class AllocationTest {

    @ParameterizedTest
    @EnumSource(value = CellKind.class, mode = EnumSource.Mode.EXCLUDE, names = "RNN_RELU")
    void warmGradientsAllocateNothing(CellKind kind) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        RecurrentCell cell = FlossFixtures.cell(kind, 3, 8, 1.5, 101);
        LyapunovGradient engine = new LyapunovGradient(cell, 4, 50, 5, 102);
        DMatrixRMaj s0 = FlossFixtures.vector(cell.stateSize(), 0.5, RandomSource.seeded(103));
        DMatrixRMaj[] inputs = FlossFixtures.inputs(50, 3, 104);
        CellParameters gradients = cell.parameters().zerosLike();
        double[] lambda = new double[4];
        Runnable call = () -> {
            engine.gradient(ExponentObjective.SUM_OF_SQUARES, s0, inputs, 0.5, gradients);
            engine.exponents(s0, inputs, lambda);
        };
        for (int k = 0; k < 50; k++) {
            call.run();
        }
        long id = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (int k = 0; k < 20; k++) {
                call.run();
            }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }
        System.out.printf("%-12s allocated %d bytes over 20 warm gradients (T = 50)%n", kind.cliName(), allocated);
        assertTrue(allocated < 1024, kind + " allocated " + allocated + " bytes over 20 gradients");
    }
}
