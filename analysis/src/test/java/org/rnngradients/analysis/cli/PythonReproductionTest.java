package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An output directory is enough to reproduce the run without this project: NumPy
 * (src/test/python/reproduce_profile.py) and PyTorch's autograd (reproduce_profile_torch.py) recompute
 * the profile from the written .npy files. Skipped where no python3 has the module.
 */
class PythonReproductionTest {

    @TempDir
    Path tmp;

    @Test
    void numpyRecomputesTheProfileFromTheWrittenFiles() throws Exception {
        Optional<Python> python = Python.with("numpy");
        assumeTrue(python.isPresent(), "python3 with numpy");
        Path out = tmp.resolve("run");
        assertEquals(0, CliRun.of("profile", "--cell", "rnn-tanh", "--init", "gaussian", "--gain", "1.2", "--hidden",
                "12", "--input-size", "3", "--steps", "300", "--quiet", "--out", out.toString()).exitCode());
        String report = python.get().script("reproduce_profile.py", out.toString(), "rnn-tanh");
        assertTrue(report.startsWith("steps 300 max |difference| of ln||dL/dh_t||:"), report);
        assertTrue(Python.difference(report) < 1e-10, report);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn-tanh", "rnn-relu"})
    void pytorchAutogradRecomputesTheProfileFromTheWrittenFiles(String cell) throws Exception {
        Optional<Python> python = Python.with("numpy", "torch");
        assumeTrue(python.isPresent(), "python3 with numpy and torch");
        Path out = tmp.resolve(cell);
        assertEquals(0, CliRun.of("profile", "--cell", cell, "--hidden", "8", "--input-size", "3", "--steps", "40",
                "--quiet", "--out", out.toString()).exitCode());
        String report = python.get().script("reproduce_profile_torch.py", out.toString(), cell);
        assertTrue(report.startsWith("steps 40 max |difference| of ln||dL/dh_t||:"), report);
        assertTrue(Python.difference(report) < 1e-10, report);
    }
}
