package org.rnngradients.analysis;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.rnngradients.bptt.BatchGradient;
import org.rnngradients.bptt.BatchedBptt;
import org.rnngradients.bptt.FullBptt;
import org.rnngradients.bptt.ParameterSet;
import org.rnngradients.bptt.Readout;
import org.rnngradients.bptt.RnnModel;
import org.rnngradients.bptt.Sequence;
import org.rnngradients.bptt.clip.GradientClipper;
import org.rnngradients.bptt.loss.MeanSquaredError;
import org.rnngradients.bptt.optim.Sgd;
import org.rnngradients.bptt.tasks.AddingProblem;
import org.rnngradients.bptt.train.ProgressListener;
import org.rnngradients.bptt.train.Trainer;
import org.rnngradients.bptt.train.TrainingConfig;
import org.rnngradients.bptt.train.TrainingProgress;
import org.rnngradients.bptt.train.TrainingResult;
import org.rnngradients.cells.Activation;
import org.rnngradients.cells.Cells;
import org.rnngradients.cells.GruCell;
import org.rnngradients.cells.RecurrentCell;
import org.rnngradients.cells.VanillaRnnCell;
import org.rnngradients.linalg.Backend;
import org.rnngradients.linalg.Initialiser;
import org.rnngradients.linalg.ProductSingularValues;
import org.rnngradients.linalg.RandomMatrices;
import org.rnngradients.linalg.RandomSource;

/**
 * The end results whose bits {@link DeterminismTest} compares across JVMs, thread counts and backends, computed in a
 * JVM of their own (the backend and its thread count are fixed per JVM by {@code rnngradients.backend} and
 * {@code rnngradients.threads}). Shapes are chosen so that OpenBLAS really splits the work when it has two threads:
 * every hot product has m·n·k above its threading threshold (2¹⁸).
 *
 * <p>Usage: {@code DeterminismProbe DIR} writes one file of raw doubles per result into DIR, and the backend's
 * description into {@code backend.txt}.
 */
public final class DeterminismProbe {
    /** GRU hidden size H and batch B of the BPTT results: W_hh·H_{t−1} is 3H × H × B = 192·64·32 > 2¹⁸. */
    static final int HIDDEN = 64;
    static final int BATCH = 32;
    static final int INPUT = 8;
    static final int STEPS = 24;
    /** Training steps of the trained result. */
    static final int TRAINING_STEPS = 4;
    /** The tanh network of the Lyapunov result: W·Q is 128 × 128 × 32 > 2¹⁸. */
    static final int LYAPUNOV_HIDDEN = 128;
    static final int EXPONENTS = 32;
    static final int LYAPUNOV_STEPS = 300;
    /** The product spectrum: 40 Gaussian 96 × 96 factors (each product 96³ > 2¹⁸). */
    static final int PRODUCT_SIZE = 96;
    static final int FACTORS = 40;

    private DeterminismProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Map<String, double[]> results = results();
        for (Map.Entry<String, double[]> e : results.entrySet()) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(e.getKey() + ".bin")))) {
                for (double v : e.getValue()) {
                    out.writeLong(Double.doubleToRawLongBits(v));
                }
            }
        }
        Files.writeString(dir.resolve("backend.txt"), Backend.current().description());
    }

    /** Every result, by name, in a fixed order. */
    static Map<String, double[]> results() {
        Map<String, double[]> r = new LinkedHashMap<>();
        r.put("batched-gradient", batchedGradient());
        r.put("training", training());
        r.put("lyapunov", lyapunov());
        r.put("product-spectrum", productSpectrum());
        return r;
    }

    private static RnnModel model(long seed) {
        RecurrentCell cell = new GruCell(INPUT, HIDDEN);
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed));
        Readout readout = Readout.initialised(HIDDEN, 2, Initialiser.xavierUniform(1), RandomSource.seeded(seed).fork("readout"));
        return new RnnModel(cell, readout, new MeanSquaredError());
    }

    /** The mean loss and every entry of the mean gradient of one batch, through the batched engine. */
    static double[] batchedGradient() {
        RandomSource random = RandomSource.seeded(17).fork("batch");
        Sequence[] batch = new Sequence[BATCH];
        for (int b = 0; b < BATCH; b++) {
            DMatrixRMaj[] x = new DMatrixRMaj[STEPS];
            DMatrixRMaj[] y = new DMatrixRMaj[STEPS];
            for (int t = 0; t < STEPS; t++) {
                x[t] = RandomMatrices.gaussian(INPUT, 1, random);
                y[t] = RandomMatrices.gaussian(2, 1, random);
            }
            batch[b] = Sequence.everyStep(x, y);
        }
        BatchGradient g = new BatchedBptt().compute(model(5), batch);
        List<Double> out = new ArrayList<>();
        out.add(g.loss());
        flatten(g.gradients().all(), out);
        return toArray(out);
    }

    /**
     * The losses and norms of a few training steps of the adding problem, then every trained parameter. SGD with
     * momentum and norm clipping are Lipschitz in the gradient, so rounding differences stay rounding differences
     * (Adam's g/√v would turn a gradient entry near zero into an update of either sign).
     */
    static double[] training() {
        RnnModel model = new RnnModel(initialised(new GruCell(2, HIDDEN), 9), Readout.initialised(HIDDEN, 1,
                Initialiser.xavierUniform(1), RandomSource.seeded(9).fork("readout")), new MeanSquaredError());
        TrainingConfig config = new TrainingConfig(TRAINING_STEPS, BATCH, 3, new FullBptt(), new Sgd(0.1, 0.9),
                GradientClipper.globalNorm(1));
        TrainingResult result = Trainer.train(model, AddingProblem.sumForm(STEPS), config, ProgressListener.none());
        List<Double> out = new ArrayList<>();
        for (TrainingProgress p : result.history()) {
            out.add(p.loss());
            out.add(p.gradientNorm());
        }
        flatten(model.parameters(), out);
        return toArray(out);
    }

    private static <C extends RecurrentCell> C initialised(C cell, long seed) {
        Cells.initialisePyTorchDefault(cell, RandomSource.seeded(seed));
        return cell;
    }

    /**
     * The 32 largest Lyapunov exponents of a contracting driven tanh network (W ~ N(0, 0.9²/N)), whose trajectory,
     * unlike a chaotic one, does not amplify the backends' rounding differences.
     */
    static double[] lyapunov() {
        RecurrentCell cell = new VanillaRnnCell(4, LYAPUNOV_HIDDEN, Activation.TANH);
        Cells.initialise(cell, Initialiser.scaledGaussian(0.9), Initialiser.scaledGaussian(1), RandomSource.seeded(23));
        CellTrajectory trajectory = new CellTrajectory(cell, InputSequence.gaussian(4, 1, RandomSource.seeded(29)),
                new DMatrixRMaj(LYAPUNOV_HIDDEN, 1));
        LyapunovResult result = new LyapunovSpectrum(EXPONENTS, 50, LYAPUNOV_STEPS, 10).compute(trajectory);
        double[] out = result.frameOrderExponents();
        double[] withLoss = java.util.Arrays.copyOf(out, out.length + 1);
        withLoss[out.length] = result.worstPrecisionLoss();
        return withLoss;
    }

    /** ln σ_i of a product of Gaussian N(0, 1/n) factors. */
    static double[] productSpectrum() {
        ProductSingularValues product = new ProductSingularValues(PRODUCT_SIZE);
        for (DMatrixRMaj f : productFactors()) {
            product.multiplyLeft(f);
        }
        return product.logSingularValues(new double[PRODUCT_SIZE]);
    }

    /** The factors of {@link #productSpectrum()}, in application order. */
    static List<DMatrixRMaj> productFactors() {
        RandomSource random = RandomSource.seeded(31);
        List<DMatrixRMaj> factors = new ArrayList<>();
        for (int f = 0; f < FACTORS; f++) {
            factors.add(RandomMatrices.gaussian(new DMatrixRMaj(PRODUCT_SIZE, PRODUCT_SIZE), 1 / Math.sqrt(PRODUCT_SIZE),
                    random));
        }
        return factors;
    }

    private static void flatten(ParameterSet p, List<Double> out) {
        for (DMatrixRMaj m : p.tensors()) {
            for (int k = 0; k < m.getNumElements(); k++) {
                out.add(m.data[k]);
            }
        }
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = values.get(k);
        }
        return a;
    }
}
