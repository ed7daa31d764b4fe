package org.rnngradients.bptt.experiments;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.CheckpointedBptt;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.bptt.StoredActivations;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * Activation memory of checkpointed against full BPTT for an LSTM: the bytes each engine holds in
 * states and step caches (counted), the JVM's peak heap during one gradient computation (measured),
 * and the time. {@code engine=checkpointed|full}, {@code lengths=…}; run each length in a fresh JVM
 * with a small {@code -Xmx} to show the checkpointed run fits where full storage could not.
 */
public final class CheckpointMemoryExperiment {
    private CheckpointMemoryExperiment() {
    }

    /** Entry point: {@code [key=value…]}; appends one row per length to {@code file}. */
    public static void main(String[] args) {
        Args a = new Args(args, 0);
        Path out = a.outputDirectory();
        int hidden = a.integer("hidden", 256);
        int inputSize = a.integer("input", 1);
        int[] lengths = a.integers("lengths", "1000,10000,100000");
        String engineName = a.string("engine", "checkpointed");
        String file = a.string("file", "checkpoint-memory-" + engineName + ".csv");
        String[] header = {"engine", "cell", "hidden", "T", "segment_length", "stored_states", "stored_caches",
            "state_bytes", "cache_bytes", "stored_activation_bytes", "full_storage_bytes", "stored_MiB", "full_storage_MiB",
            "peak_heap_bytes", "max_heap_bytes", "seconds", "loss"};
        try (Csv csv = new Csv(out.resolve(file), header)) {
            for (int length : lengths) {
                RnnModel model = Models.lstm(inputSize, hidden, 1, new MeanSquaredError(), 1.0, 0.0, 1);
                Sequence seq = sequence(length, inputSize);
                GradientEngine engine = engineName.equals("full") ? new FullBptt() : new CheckpointedBptt();
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                SequenceGradient g = engine.compute(model, seq);
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = peakHeap();
                StoredActivations stored = engine instanceof CheckpointedBptt c ? c.lastStored()
                        : fullStorage(model, length);
                int segment = engine instanceof CheckpointedBptt c ? c.segmentLength(length) : length;
                long full = stored.fullStorageBytes(length);
                System.out.printf(Locale.ROOT, "%s T=%d stored=%.2f MiB full=%.2f MiB peakHeap=%.1f MiB %.1f s%n",
                        engineName, length, stored.bytes() / 1048576.0, full / 1048576.0, peak / 1048576.0, seconds);
                csv.row(engineName, "lstm", hidden, length, segment, stored.storedStates(), stored.storedCaches(),
                        stored.stateBytes(), stored.cacheBytes(), stored.bytes(), full, stored.bytes() / 1048576.0,
                        full / 1048576.0, peak, Runtime.getRuntime().maxMemory(), seconds, g.loss());
            }
        }
    }

    private static StoredActivations fullStorage(RnnModel model, int length) {
        long cache = model.cell().newCache().bytes();
        long state = 16 + 8L * model.cell().stateSize();
        return new StoredActivations(length + 1L, length, state, cache);
    }

    private static Sequence sequence(int length, int inputSize) {
        RandomSource random = RandomSource.seeded(7).fork("inputs");
        DMatrixRMaj[] inputs = new DMatrixRMaj[length];
        for (int t = 0; t < length; t++) {
            inputs[t] = RandomMatrices.uniform(new DMatrixRMaj(inputSize, 1), 1, random);
        }
        return Sequence.lastStep(inputs, new DMatrixRMaj(new double[][] {{1}}));
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
