package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.analysis.cli.csv.CsvWriter;
import org.rnngradients.bptt.CheckpointedBptt;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.GradientEngine;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.SequenceGradient;
import org.rnngradients.bptt.StoredActivations;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code checkpoint-memory}: the activation memory of one LSTM gradient by full or checkpointed BPTT. */
@Command(name = "checkpoint-memory", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Activation memory of one BPTT gradient of an LSTM (PyTorch's default weights, forget-gate bias 1;"
                + " inputs U[-1, 1], MSE loss at the last step) for each length of --steps: the bytes the engine holds"
                + " in states and step caches (counted), the JVM's peak heap during the computation (the sum of the heap"
                + " pools' peaks after a reset), and the time. Run with a small java -Xmx to see checkpointed BPTT"
                + " (segments of ⌈√T⌉ steps) fit where full storage cannot.",
            "Writes memory.csv (one row per T) and manifest.json."})
final class CheckpointMemoryCommand extends ExperimentCommand<List<Integer>> {
    private static final List<String> HEADER = List.of("engine", "cell", "hidden", "T", "segment_length",
            "stored_states", "stored_caches", "state_bytes", "cache_bytes", "stored_activation_bytes",
            "full_storage_bytes", "stored_MiB", "full_storage_MiB", "peak_heap_bytes", "max_heap_bytes", "seconds", "loss");

    /** The gradient engines compared. */
    enum Engine {
        /** Full BPTT: T + 1 states and T caches. */
        full,
        /** Checkpointed BPTT: about 2√T step records, the segments recomputed. */
        checkpointed
    }

    @Option(names = "--engine", defaultValue = "checkpointed", paramLabel = "ENGINE",
            description = "Engine: ${COMPLETION-CANDIDATES}.")
    Engine engine;

    @Option(names = "--steps", split = ",", defaultValue = "1000,10000,100000", paramLabel = "T",
            description = "Sequence lengths T, comma-separated.")
    List<Integer> lengths;

    @Option(names = "--hidden", defaultValue = "256", paramLabel = "H", description = "Hidden size H.")
    int hidden;

    @Option(names = "--input-size", defaultValue = "1", paramLabel = "I", description = "Input size I.")
    int inputSize;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the weights.")
    long seed;

    @Option(names = "--input-seed", defaultValue = "7", paramLabel = "N", description = "Seed of the inputs.")
    long inputSeed;

    @Override
    long seed() {
        return seed;
    }

    @Override
    List<Integer> prepare() {
        var cl = spec.commandLine();
        OptionChecks.positive(cl, hidden, "--hidden");
        OptionChecks.positive(cl, inputSize, "--input-size");
        for (int length : lengths) {
            OptionChecks.positive(cl, length, "--steps");
            long stored = engine == Engine.full ? length : 2 * (long) Math.ceil(Math.sqrt(length));
            ResourceLimits.cell(cl, CellKind.LSTM.gates(), hidden, inputSize);
            ResourceLimits.inputs(cl, length, inputSize);
            ResourceLimits.profile(cl, CellKind.LSTM, hidden, stored);
        }
        return lengths;
    }

    @Override
    Map<String, Object> execute(List<Integer> lengths, Path out) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        Progress progress = progress("checkpoint-memory", lengths.size());
        try (CsvWriter csv = CsvWriter.create(out.resolve("memory.csv"), HEADER)) {
            for (int length : lengths) {
                RnnModel model = ExperimentModels.create(CellKind.LSTM, ExperimentModels.Init.pytorch, 1.0, inputSize,
                        hidden, 1, new MeanSquaredError(), 1.0, 0.0, seed);
                Sequence seq = sequence(length);
                GradientEngine e = engine == Engine.full ? new FullBptt() : new CheckpointedBptt();
                System.gc();
                ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                long start = System.nanoTime();
                SequenceGradient g = e.compute(model, seq);
                double seconds = (System.nanoTime() - start) / 1e9;
                long peak = peakHeap();
                StoredActivations stored = e instanceof CheckpointedBptt c ? c.lastStored() : fullStorage(model, length);
                int segment = e instanceof CheckpointedBptt c ? c.segmentLength(length) : length;
                long full = stored.fullStorageBytes(length);
                csv.row(engine.name(), "lstm", hidden, length, segment, stored.storedStates(), stored.storedCaches(),
                        stored.stateBytes(), stored.cacheBytes(), stored.bytes(), full, stored.bytes() / 1048576.0,
                        full / 1048576.0, peak, Runtime.getRuntime().maxMemory(), seconds, g.loss());
                results.put("memory.T" + length + ".storedActivationBytes", stored.bytes());
                progress.advance(1);
            }
        }
        progress.finish();
        return results;
    }

    private static StoredActivations fullStorage(RnnModel model, int length) {
        long cache = model.cell().newCache().bytes();
        long state = 16 + 8L * model.cell().stateSize();
        return new StoredActivations(length + 1L, length, state, cache);
    }

    /** Inputs x_t with U[-1, 1] entries from --input-seed, target 1 at the last step. */
    private Sequence sequence(int length) {
        RandomSource random = RandomSource.seeded(inputSeed).fork("inputs");
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
