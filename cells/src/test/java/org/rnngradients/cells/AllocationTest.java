package org.rnngradients.cells;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.linalg.RandomSource;

/**
 * Once its cache and buffers exist, a forward + backward + both-Jacobians step allocates nothing: the
 * bytes the thread allocates over 1000 steps (least of three rounds, so that one-off class loading or
 * recompilation is not counted) stay below 1 kB, i.e. under one byte per step. Measured with HotSpot's per-thread allocation counter, not with time.
 */
class AllocationTest {

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void warmStepsAllocateNothing(CellKind kind) {
        CellFixture f = new CellFixture(kind.create(8, 16), 0.3, RandomSource.seeded(23));
        int n = f.cell.stateSize();
        DMatrixRMaj adjoint = CellFixture.randomVector(n, RandomSource.seeded(29));
        DMatrixRMaj previousAdjoint = new DMatrixRMaj(n, 1);
        DMatrixRMaj inputAdjoint = new DMatrixRMaj(8, 1);
        DMatrixRMaj jacobian = new DMatrixRMaj(n, n);
        DMatrixRMaj inputJacobian = new DMatrixRMaj(n, 8);
        CellParameters gradients = f.cell.parameters().zerosLike();
        Runnable step = () -> {
            f.cell.forward(f.previous, f.input, f.cache, f.state);
            f.cell.backward(f.cache, adjoint, previousAdjoint, inputAdjoint, gradients);
            f.cell.stateJacobian(f.cache, jacobian);
            f.cell.inputJacobian(f.cache, inputJacobian);
        };
        assertWarmStepsAllocateNothing(kind + " batch-1 step", step);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void warmBatchedStepsAllocateNothing(CellKind kind) {
        BatchFixture f = new BatchFixture(kind.create(8, 16), 4, 0.3, RandomSource.seeded(31));
        CellPass pass = f.cell.newPass(4);
        BatchCache cache = pass.newCache();
        DMatrixRMaj state = new DMatrixRMaj(f.cell.stateSize(), 4);
        DMatrixRMaj frame = BatchFixture.random(f.cell.stateSize(), 3, RandomSource.seeded(37));
        DMatrixRMaj image = new DMatrixRMaj(f.cell.stateSize(), 3);
        Runnable step = () -> {
            pass.forward(f.previous, f.inputs, cache, state);
            pass.stateJacobianTimes(cache, 1, frame, image);
        };
        assertWarmStepsAllocateNothing(kind + " batched step", step);
    }

    /** Runs {@code step} 200 times to warm up, then asserts that 1000 more allocate under 1 kB (least of three rounds). */
    static void assertWarmStepsAllocateNothing(String what, Runnable step) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        for (int k = 0; k < 200; k++) {
            step.run();
        }
        long id = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {      // the least of three rounds: one-off JIT/class-loading noise aside
            long before = threads.getThreadAllocatedBytes(id);
            for (int k = 0; k < 1000; k++) {
                step.run();
            }
            allocated = Math.min(allocated, threads.getThreadAllocatedBytes(id) - before);
        }
        System.out.printf("%-28s allocated %d bytes over 1000 warm steps%n", what, allocated);
        assertTrue(allocated < 1024, what + " allocated " + allocated + " bytes over 1000 steps");
    }
}
