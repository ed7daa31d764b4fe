package org.rnngradients.bptt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;

/**
 * Once its workspace has grown, the batched engine allocates per time step only the numbers it
 * returns: for each sequence its input gradient ∂L/∂x_t (I doubles) and its profile entry (one double,
 * copied once into the {@link GradientProfile}), 8·I + 16 bytes. Measured with HotSpot's per-thread
 * allocation counter as the difference between a batch of length 60 and one of length 30 (least of
 * three rounds), so the fixed cost of the results does not count.
 */
class BatchedBpttAllocationTest {
    static final int I = 3;
    static final int B = 4;

    @ParameterizedTest
    @EnumSource(value = CellKind.class, names = {"RNN_TANH", "GRU", "LSTM"})
    void warmBatchedStepsAllocateOnlyTheirResults(CellKind kind) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        RnnModel model = Fixtures.model(kind, I, 8, 1, new MeanSquaredError(), 101);
        Sequence[] longer = BatchedBpttTest.batch(model, new int[] {60, 60, 60, 60}, false, 102);
        Sequence[] shorter = BatchedBpttTest.batch(model, new int[] {30, 30, 30, 30}, false, 103);
        BatchedBptt engine = new BatchedBptt();
        for (int k = 0; k < 50; k++) {
            engine.compute(model, longer);
            engine.compute(model, shorter);
        }
        long id = Thread.currentThread().getId();
        long perStep = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long a = threads.getThreadAllocatedBytes(id);
            engine.compute(model, longer);
            long b = threads.getThreadAllocatedBytes(id);
            engine.compute(model, shorter);
            long c = threads.getThreadAllocatedBytes(id);
            perStep = Math.min(perStep, ((b - a) - (c - b)) / (30L * B));
        }
        System.out.printf("%-8s batched engine allocates %d bytes per step and sequence%n", kind, perStep);
        assertTrue(perStep <= 8L * I + 16, kind + " allocated " + perStep + " bytes per step and sequence");
    }
}
