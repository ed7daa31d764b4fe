package org.rnngradients.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.linalg.Spectra;

/**
 * Determinism of the engines' end results ({@link DeterminismProbe}: a batched BPTT gradient, four training steps, a
 * Lyapunov spectrum, a product spectrum), each computed in a JVM of its own, since the backend and OpenBLAS's thread
 * count are chosen once per JVM: bit for bit the same in two JVMs, the same with OpenBLAS on one thread and on two,
 * and on the pure-Java backend the same to within rounding bounds derived below from the shapes.
 *
 * <p>Runs once, in the test execution whose JVM is on the native backend (it starts its own JVMs for every backend);
 * skipped where OpenBLAS does not load.
 */
class DeterminismTest {
    /** The unit roundoff u = 2⁻⁵³. */
    private static final double U = Math.ulp(1.0) / 2;

    private static Map<String, Map<String, double[]>> runs;
    private static Map<String, String> backends;

    @BeforeAll
    static void runTheProbeInFourJvms(@TempDir Path dir) throws Exception {
        assumeTrue(!"java".equals(System.getProperty("rnngradients.backend")),
                "the java-backend test run repeats nothing: the children choose their own backends");
        assumeTrue(org.rnngradients.linalg.Backend.current().name().equals("native"), "OpenBLAS does not load here");
        runs = new LinkedHashMap<>();
        backends = new LinkedHashMap<>();
        for (String[] run : new String[][] {{"first", "native", "1"}, {"second", "native", "1"},
                {"two-threads", "native", "2"}, {"java", "java", "1"}}) {
            Path out = dir.resolve(run[0]);
            probe(out, run[1], run[2]);
            runs.put(run[0], read(out));
            backends.put(run[0], Files.readString(out.resolve("backend.txt")));
        }
    }

    private static void probe(Path out, String backend, String threads) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-Drnngradients.backend=" + backend,
                "-Drnngradients.threads=" + threads, "-cp", System.getProperty("java.class.path"),
                DeterminismProbe.class.getName(), out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the probe finishes");
        assertEquals(0, p.exitValue(), "the probe on " + backend + " with " + threads + " thread(s) exits 0");
    }

    private static Map<String, double[]> read(Path dir) throws IOException {
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String name : List.of("batched-gradient", "training", "lyapunov", "product-spectrum")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name + ".bin"));
            double[] values = new double[bytes.length / 8];
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            for (int k = 0; k < values.length; k++) {
                values[k] = Double.longBitsToDouble(in.readLong());
            }
            results.put(name, values);
        }
        return results;
    }

    private static void assertSameBits(String a, String b) {
        for (String name : runs.get(a).keySet()) {
            double[] x = runs.get(a).get(name);
            double[] y = runs.get(b).get(name);
            assertEquals(x.length, y.length, name);
            for (int k = 0; k < x.length; k++) {
                assertEquals(Double.doubleToRawLongBits(x[k]), Double.doubleToRawLongBits(y[k]),
                        () -> name + ": entry differs between the " + a + " and the " + b + " run");
            }
        }
    }

    @Test
    void everyResultHasTheSameBitsInTwoJvms() {
        assertSameBits("first", "second");
    }

    @Test
    void everyResultHasTheSameBitsWithOneAndWithTwoOpenBlasThreads() {
        assertTrue(backends.get("two-threads").endsWith("2 threads"), backends.get("two-threads"));
        assertTrue(backends.get("first").endsWith("1 thread"), backends.get("first"));
        assertSameBits("first", "two-threads");
    }

    /**
     * The batched gradient on the Java backend. Every gradient entry is a sum of products built from GEMMs whose
     * inner dimensions along the way add up to at most T·B (the time-batched weight gradients Σ_t dA_t X_tᵀ) plus
     * T·G·H (the backward products W_hhᵀ·dA through T steps): a different summation order changes a sum of k
     * products by at most γ_k ≈ k·u of the sum of their magnitudes (Higham, Accuracy and Stability, §3.5). Without
     * cancellation between those magnitudes this bounds the norm-wise relative difference by (T·B + T·G·H)·u ≈ 6e-13.
     */
    @Test
    void theJavaBackendsBatchedGradientAgreesToTheGemmRoundingBound() {
        double bound = gradientBound();
        assertTrue(normwiseRelative("batched-gradient") <= bound, () -> normwiseRelative("batched-gradient") + " > " + bound);
    }

    private static double gradientBound() {
        int t = DeterminismProbe.STEPS;
        return (t * DeterminismProbe.BATCH + t * 3 * DeterminismProbe.HIDDEN) * U;
    }

    /**
     * Training: S steps of SGD with momentum and norm clipping, each Lipschitz in its gradient with a step
     * (η = 0.1) too small to amplify a difference, so the trained parameters, losses and norms differ by at most S
     * times the gradient bound.
     */
    @Test
    void theJavaBackendsTrainingRunAgreesToSTimesTheGradientBound() {
        double bound = DeterminismProbe.TRAINING_STEPS * gradientBound();
        assertTrue(normwiseRelative("training") <= bound, () -> normwiseRelative("training") + " > " + bound);
    }

    /**
     * Lyapunov exponents λ_i = (Σ ln R_ii)/N. Over an interval of m steps the frame's columns pass through m
     * products J_t·Q (each entry a sum of H products) and one Householder QR of an n × k frame, so each ln R_ii moves
     * by at most (m·H + n)·u times e^L, where L (nats) is the precision the re-orthonormalisation lost on the weakest
     * direction (reported by the run); averaged over the interval, |Δλ_i| ≤ (H + n/m)·u·e^L. The network contracts
     * (gain 0.9), so the trajectories of the two backends do not drift apart. The reported precision loss is a
     * diagnostic, not compared.
     */
    @Test
    void theJavaBackendsLyapunovExponentsAgreeToTheQrRoundingBound() {
        double[] x = runs.get("first").get("lyapunov");
        double[] y = runs.get("java").get("lyapunov");
        int k = DeterminismProbe.EXPONENTS;
        double loss = Math.max(x[k], y[k]);
        int n = DeterminismProbe.LYAPUNOV_HIDDEN;
        double bound = (n + n / 10.0) * U * Math.exp(loss);
        for (int i = 0; i < k; i++) {
            assertEquals(x[i], y[i], bound, "λ_" + (i + 1));
        }
    }

    /**
     * ln σ_i of a product of m Gaussian factors F. Each factor's step is F·Q and a QR of it; the QR resolves its
     * weakest column to a relative n·u·κ(F), κ the factor's condition number, so the log singular values move by at
     * most Σ_f n·u·κ(F_f) in all, with κ computed from the same factors.
     */
    @Test
    void theJavaBackendsProductSpectrumAgreesToTheSumOfTheFactorsConditionBounds() {
        double bound = 0;
        for (DMatrixRMaj f : DeterminismProbe.productFactors()) {
            bound += DeterminismProbe.PRODUCT_SIZE * U * Spectra.conditionNumber(f);
        }
        assertArrayEquals(runs.get("first").get("product-spectrum"), runs.get("java").get("product-spectrum"), bound);
    }

    private static double normwiseRelative(String name) {
        double[] x = runs.get("first").get(name);
        double[] y = runs.get("java").get(name);
        double difference = 0;
        double size = 0;
        for (int k = 0; k < x.length; k++) {
            difference += (x[k] - y[k]) * (x[k] - y[k]);
            size += x[k] * x[k];
        }
        return Math.sqrt(difference / size);
    }
}
