package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnngradients.analysis.io.Npy;

/** spectrum, lyapunov and analyse end to end, including loading exported weights and every bad-input path. */
class AnalysisCommandsTest {

    @TempDir
    Path tmp;

    private static Path exportedLstm() throws URISyntaxException {
        return Path.of(AnalysisCommandsTest.class.getResource("/npy/lstm_state_dict/weight_hh_l0.npy").toURI())
                .getParent();
    }

    private List<Path> listing() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.sorted().toList();
        }
    }

    @Test
    void spectrumWritesOneRowPerTimeWithAllSingularValues() throws IOException {
        Path out = tmp.resolve("s");
        CliRun run = CliRun.of("spectrum", "--cell", "gru", "--hidden", "3", "--steps", "12", "--quiet", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("spectrum.csv"));
        assertEquals("t,lag,log_sigma_1,log_sigma_2,log_sigma_3", lines.get(0));
        assertEquals(14, lines.size());
        assertEquals("12,0,0.0,0.0,0.0", lines.get(13).replaceAll("-?0\\.0(E-1[0-9]|[0-9]*E-1[0-9])?", "0.0"),
                "the empty product at t = T is the identity");
        String[] first = lines.get(1).split(",");
        for (int i = 3; i < first.length; i++) {
            assertTrue(Double.parseDouble(first[i]) <= Double.parseDouble(first[i - 1]), "descending");
        }
        assertTrue(Files.exists(out.resolve("spectrum.svg")));
    }

    @Test
    void profileLiesBetweenTheExtremeSingularValuesOfTheSameRun() throws IOException {
        String[] common = {"--cell", "rnn-tanh", "--init", "gaussian", "--gain", "1.5", "--hidden", "6", "--steps", "40",
            "--seed", "3", "--quiet", "--out"};
        Path p = tmp.resolve("p");
        Path s = tmp.resolve("s");
        assertEquals(0, CliRun.of(concat("profile", common, p)).exitCode());
        assertEquals(0, CliRun.of(concat("spectrum", common, s)).exitCode());
        List<String> profile = Files.readAllLines(p.resolve("profile.csv"));
        List<String> spectrum = Files.readAllLines(s.resolve("spectrum.csv"));
        for (int t = 1; t <= 40; t++) {
            double logNorm = Double.parseDouble(profile.get(t).split(",")[1]);
            String[] sigma = spectrum.get(t + 1).split(",");
            assertEquals(Integer.toString(t), sigma[0]);
            double slack = 1e-9 * (1 + Math.abs(logNorm));
            assertTrue(logNorm <= Double.parseDouble(sigma[2]) + slack, "‖(∂h_T/∂h_t)ᵀu‖ ≤ σ_1 at t = " + t);
            assertTrue(logNorm >= Double.parseDouble(sigma[7]) - slack, "‖(∂h_T/∂h_t)ᵀu‖ ≥ σ_n at t = " + t);
        }
    }

    private static String[] concat(String command, String[] common, Path out) {
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of(common));
        args.add(out.toString());
        return args.toArray(String[]::new);
    }

    @Test
    void lyapunovOfOrthogonalLinearNetworkIsZero() throws IOException {
        Path out = tmp.resolve("l");
        CliRun run = CliRun.of("lyapunov", "--cell", "rnn-identity", "--init", "orthogonal", "--hidden", "4",
                "--steps", "200", "--warm-up", "10", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out.resolve("lyapunov.csv"));
        assertEquals("i,exponent", lines.get(0));
        assertEquals(5, lines.size());
        for (String line : lines.subList(1, 5)) {
            assertEquals(0.0, Double.parseDouble(line.split(",")[1]), 1e-12, line);
        }
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"lyapunov.regime\": \"MARGINAL\""), manifest);
        assertArrayEquals(new int[] {210, 1}, Npy.read(out.resolve("inputs.npy")).shape(), "warm-up + counted steps");
        assertTrue(Files.readAllLines(out.resolve("lyapunov_convergence.csv")).get(0).startsWith("steps,lambda_1,"));
    }

    @Test
    void exportThenLoadGivesTheSameProfileBytes() throws IOException {
        Path first = tmp.resolve("first");
        assertEquals(0, CliRun.of("profile", "--cell", "rnn-relu", "--init", "gaussian", "--gain", "1.3", "--hidden",
                "5", "--input-size", "2", "--steps", "25", "--seed", "11", "--quiet", "--out", first.toString()).exitCode());
        Path second = tmp.resolve("second");
        CliRun load = CliRun.of("analyse", "--weights", first.toString(), "--cell", "rnn-relu", "--analyses", "profile",
                "--steps", "25", "--seed", "11", "--quiet", "--out", second.toString());
        assertEquals(0, load.exitCode(), load.err());
        for (String f : List.of("profile.csv", "weight_hh_l0.npy", "inputs.npy", "initial_state.npy", "target.npy")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve("profile/" + f)), f);
        }
    }

    @Test
    void analyseRunsEveryAnalysisOnAnLstmExportedWithNumpy() throws Exception {
        Path out = tmp.resolve("lstm");
        CliRun run = CliRun.of("analyse", "--weights", exportedLstm().toString(), "--cell", "lstm", "--input-size", "2",
                "--steps", "20", "--warm-up", "5", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(18, Files.readAllLines(out.resolve("spectrum/spectrum.csv")).get(0).split(",").length,
                "t, lag and 2H = 16 singular values of the (h, c) state");
        assertEquals(17, Files.readAllLines(out.resolve("lyapunov/lyapunov.csv")).size());
        assertTrue(Files.exists(out.resolve("profile/profile.svg")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"lyapunov/lyapunov.csv\": \"sha256:"), manifest);
        assertTrue(manifest.contains("\"--weights\": \"" + exportedLstm() + "\""), manifest);
    }

    @Test
    void taskInputsComeFromTheTasksSequences() throws IOException {
        Path out = tmp.resolve("agreement");
        CliRun run = CliRun.of("profile", "--input", "task", "--task", "agreement", "--distractors", "4", "--steps", "9",
                "--hidden", "3", "--quiet", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        org.rnngradients.analysis.io.NpyArray inputs = Npy.read(out.resolve("inputs.npy"));
        assertArrayEquals(new int[] {9, 12}, inputs.shape(), "7 subjects + 4 distractors + query, one-hot");
        double[] x = inputs.data();
        for (int t = 0; t < 9; t++) {
            double sum = 0;
            for (int j = 0; j < 12; j++) {
                sum += x[t * 12 + j];
            }
            assertEquals(1.0, sum, "one-hot row " + t);
        }
        assertEquals(1.0, x[8 * 12 + 11], "the query token comes last");
    }

    private void assertBadInput(CliRun run, String expected) throws IOException {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(List.of(), listing().stream().filter(p -> p.getFileName().toString().contains("out")).toList(),
                "nothing written");
    }

    private Path weightsCopy() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("weights"));
        for (String f : List.of("weight_ih_l0.npy", "weight_hh_l0.npy", "bias_ih_l0.npy", "bias_hh_l0.npy")) {
            Files.copy(exportedLstm().resolve(f), dir.resolve(f));
        }
        return dir;
    }

    private CliRun analyse(Path weights, String cell, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("analyse", "--weights", weights.toString(), "--cell", cell,
                "--steps", "5", "--quiet", "--out", tmp.resolve("out").toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void missingWeightFileIsNamed() throws Exception {
        Path w = weightsCopy();
        Files.delete(w.resolve("bias_hh_l0.npy"));
        assertBadInput(analyse(w, "lstm"), w.resolve("bias_hh_l0.npy") + ": no such file");
    }

    @Test
    void truncatedWeightFileIsNamed() throws Exception {
        Path w = weightsCopy();
        byte[] bytes = Files.readAllBytes(w.resolve("weight_hh_l0.npy"));
        Files.write(w.resolve("weight_hh_l0.npy"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertBadInput(analyse(w, "lstm"), w.resolve("weight_hh_l0.npy") + ": truncated");
    }

    @Test
    void wrongDtypeIsNamed() throws Exception {
        Path w = weightsCopy();
        Files.copy(NpyFiles.resource("int64_3.npy"), w.resolve("bias_ih_l0.npy"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertBadInput(analyse(w, "lstm"), w.resolve("bias_ih_l0.npy") + ": unsupported dtype '<i8'");
    }

    @Test
    void shapesThatDoNotFitTheCellAreNamed() throws Exception {
        Path w = weightsCopy();
        assertBadInput(analyse(w, "gru"), w.resolve("weight_hh_l0.npy") + ": shape (32, 8) does not fit a cell with 3");
    }

    @Test
    void explicitSizeThatContradictsTheFilesIsNamed() throws Exception {
        Path w = weightsCopy();
        assertBadInput(analyse(w, "lstm", "--hidden", "16"), "--hidden 16 does not match " + w.resolve("weight_hh_l0.npy"));
    }

    @Test
    void analyseWithoutWeightsIsABadOption() throws IOException {
        assertBadInput(CliRun.of("analyse", "--out", tmp.resolve("out").toString()), "--weights");
    }

    @Test
    void unknownAnalysisIsABadOption() throws Exception {
        assertBadInput(analyse(weightsCopy(), "lstm", "--analyses", "profile,fourier"), "--analyses");
    }

    @Test
    void tooManyExponentsIsABadOption() throws IOException {
        assertBadInput(CliRun.of("lyapunov", "--hidden", "3", "--exponents", "4", "--out", tmp.resolve("out").toString()),
                "--exponents must be in [0, 3], was 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"profile", "spectrum", "lyapunov", "analyse"})
    void everyCommandsHelpShowsDefaults(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Usage: rnn-gradients " + command), run.out());
        assertTrue(run.out().contains("--cell=KIND"), run.out());
        assertTrue(run.out().contains("Default: 100"), run.out());
        assertTrue(run.out().contains("rnn-tanh, rnn-relu"), run.out());
        assertFalse(run.out().contains("${"), "every variable expanded");
    }

    @Test
    void missingCommandIsABadOption() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("a command is required"), run.err());
    }

    @Test
    void versionNamesProjectAndJava() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("rnn-gradients 0."), run.out());
        assertTrue(run.out().contains("Java " + System.getProperty("java.version")), run.out());
    }
}
