package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output directory is enough to reproduce the run without this project: NumPy recomputes the
 * profile from the written .npy files (src/test/python/reproduce_profile.py). Skipped where python3
 * with NumPy is not installed.
 */
class NumpyReproductionTest {
    private static final Path SCRIPT = Path.of("src", "test", "python", "reproduce_profile.py");

    @TempDir
    Path tmp;

    private static String python(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "python3";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }

    private static boolean numpyAvailable() {
        try {
            return python("-c", "import numpy").isEmpty();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void numpyRecomputesTheProfileFromTheWrittenFiles() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy");
        Path out = tmp.resolve("run");
        assertEquals(0, CliRun.of("profile", "--cell", "rnn-tanh", "--init", "gaussian", "--gain", "1.2", "--hidden",
                "12", "--input-size", "3", "--steps", "300", "--quiet", "--out", out.toString()).exitCode());
        String report = python(SCRIPT.toString(), out.toString(), "rnn-tanh");
        assertTrue(report.startsWith("steps 300 max |difference| of ln||dL/dh_t||:"), report);
        double difference = Double.parseDouble(report.substring(report.lastIndexOf(':') + 1).strip());
        assertTrue(difference < 1e-10, report);
    }
}
