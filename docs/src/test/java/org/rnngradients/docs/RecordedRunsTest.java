package org.rnngradients.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnngradients.analysis.MeanFieldTheory;
import org.rnngradients.analysis.cli.csv.CsvTable;

/** The readers of the recorded runs behind the Lyapunov, experiments and flossing chapters. */
class RecordedRunsTest {

    private static final Path DATA = Path.of("..").resolve(ExperimentResults.DIR);

    @Test
    void manifestGivesTheCommandLineAndOptions(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/manifest.json"), "{\n  \"commandLine\": \"rnn-gradients sweep --a \\\"x\\\"\",\n"
                + "  \"options\": {\n    \"--lr\": 0.003,\n    \"--cells\": \"gru,lstm\",\n    \"--quiet\": false\n  }\n}\n");
        assertEquals("rnn-gradients sweep --a \"x\"", RunManifest.command(dir, "run"));
        assertEquals("0.003", RunManifest.option(dir, "run", "--lr"));
        assertEquals("gru,lstm", RunManifest.option(dir, "run", "--cells"));
        assertEquals("false", RunManifest.option(dir, "run", "--quiet"));
        assertThrows(IllegalArgumentException.class, () -> RunManifest.option(dir, "run", "--steps"));
        assertTrue(RunManifest.finished(dir, "run"));
        assertFalse(RunManifest.finished(dir, "other"));
        assertEquals("data/run/summary.csv", RunManifest.href("run", "summary.csv"));
    }

    @Test
    void aSweepWithoutItsManifestIsLeftOut(@TempDir Path dir) throws Exception {
        Path run = dir.resolve(FiniteSizeStudy.TANH);
        Files.createDirectories(run);
        Files.writeString(run.resolve("summary.csv"), "cell,hidden,gain,networks,lambda_1_mean,lambda_1_se,positive,exploding,"
                + "mean_field_lambda_1\nrnn-tanh,32,1.0,8,-0.1,0.01,1,0,0.0\n");
        FiniteSizeStudy unfinished = new FiniteSizeStudy(dir);
        assertTrue(unfinished.sizes("rnn-tanh").isEmpty(), "no manifest yet: not read");
        Files.writeString(run.resolve("manifest.json"), "{\"commandLine\": \"rnn-gradients sweep\"}");
        Files.writeString(run.resolve("crossings.csv"), "cell,hidden,threshold,mean_curve_gain,bootstrap_se,per_network_mean,"
                + "per_network_se,mean_field_gain\nrnn-tanh,32,0.0,,,1.1,0.03,1.0\n");
        FiniteSizeStudy done = new FiniteSizeStudy(dir);
        assertEquals(List.of(32), done.sizes("rnn-tanh"));
        assertEquals(-0.1, done.at("rnn-tanh", 32, 1.0).mean(), 0);
        assertNull(done.at("rnn-tanh", 32, 1.5));
        assertTrue(Double.isNaN(done.crossing("rnn-tanh", 32, 0).gain()), "an empty cell is no crossing");
        assertEquals("no crossing", FiniteSizeSection.pm(done.crossing("rnn-tanh", 32, 0).gain(), 0.1));
    }

    @Test
    void recordedStudyAgreesWithTheMeanFieldLimitAwayFromTheTransition() {
        FiniteSizeStudy study = FiniteSizeStudy.of(Path.of(".."));
        List<Integer> sizes = study.sizes("rnn-tanh");
        int largest = sizes.get(sizes.size() - 1);
        MeanFieldTheory theory = new MeanFieldTheory();
        for (double g : new double[] {0.5, 2.0, 3.0}) {
            FiniteSizeStudy.Point p = study.at("rnn-tanh", largest, g);
            assertEquals(theory.largestExponent(g), p.mean(), 0.05, "g = " + g + ", N = " + largest);
            assertEquals(theory.largestExponent(g), p.meanField(), 1e-6, "the recorded mean-field column");
        }
    }

    @Test
    void meanFieldCurveIsLnGBelowOne() {
        double[][] c = FiniteSizeSection.meanFieldCurve(0.5, 1.0);
        assertEquals(51, c[0].length);
        for (int i = 0; i < c[0].length; i++) {
            assertEquals(Math.log(c[0][i]), c[1][i], 1e-12);
        }
    }

    @Test
    void contourOfALinearSurfaceIsItsLevelLine() {
        double[] w = {0, 1, 2, 3};
        double[] b = {0, 1, 2};
        double[][] e = new double[4][3];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                e[i][j] = 0.1 * w[i] + 0.2 * b[j];   // E = 0.25 on the line w + 2b = 2.5
            }
        }
        double[][] c = CliffFigure.contour(new CliffFigure.Surface(w, b, e), 0.25);
        int points = 0;
        for (int i = 0; i < c[0].length; i++) {
            if (!Double.isNaN(c[1][i])) {
                assertEquals(2.5, c[0][i] + 2 * c[1][i], 1e-12, "point " + i + " lies on the level line");
                points++;
            }
        }
        assertEquals(2 * c[0].length / 3, points, "two points and a gap per segment");
        assertTrue(points >= 4);
    }

    @Test
    void diagnosticRunNamesSpellTheirChange() {
        LongRangeRuns.Run template = new LongRangeRuns.Run("diag-hochreiter-T100-fb5-ib3-sgd-lr0.5-b1", "lstm", "pytorch",
                "hochreiter", 100, 1, 5, -3, "sgd", 0.5, 0, 100000, 100000, false, 0.1, 1, 0.1);
        assertEquals("forget bias 5, input bias −3, SGD, learning rate 0.5, batch 1", LongRangeSection.change(template));
        LongRangeRuns.Run ortho = new LongRangeRuns.Run("diag-hochreiter-T100-orthogonal", "lstm", "orthogonal",
                "hochreiter", 100, 1, 1, Double.NaN, "adam", 0.01, 0, 100000, 100000, false, 0.1, 1, 0.1);
        assertEquals("orthogonal W~hh~", LongRangeSection.change(ortho));
        assertEquals("none (the default)", LongRangeSection.change(new LongRangeRuns.Run("long-lstm-default-hochreiter-T100-s1",
                "lstm", "pytorch", "hochreiter", 100, 1, 1, Double.NaN, "adam", 0.01, 0, 1, 1, false, 0.1, 1, 0.1)));
        assertThrows(IllegalStateException.class, () -> LongRangeSection.requireDiagnosis(List.of(ortho)),
                "no run with a larger forget bias solved");
    }

    @Test
    void memoryTimeScaleOfTheForgetGate() {
        assertEquals(Math.E + 1, LongRangeSection.memorySteps(1), 1e-12);   // 1/(1 − σ(b)) = 1 + e^b
        assertEquals(1 + Math.exp(5), LongRangeSection.memorySteps(5), 1e-9);
    }

    @Test
    void flossingMediansAndDecayFollowTheirDefinitions() {
        assertEquals(2, FlossingChapter.median(List.of(3.0, 1.0, 2.0)), 0);
        assertEquals(1.5, FlossingChapter.median(List.of(2.0, 1.0)), 0);
        assertThrows(IllegalArgumentException.class, () -> FlossingChapter.median(List.of()));
        CsvTable p = CsvTable.parse("profiles", "setup,T,seed,t,mean_log10_adjoint_norm\n"
                + "a,3,1,1,-5\na,3,1,2,-3\na,3,1,3,0\na,3,2,1,-2\na,3,2,2,-1\na,3,2,3,0\na,3,3,1,-4\na,3,3,2,-1\na,3,3,3,0\n");
        assertEquals(4, FlossingChapter.decay(p, "a", 3), 0, "median of 5, 2 and 4 decades");
        double[] profile = FlossingChapter.medianProfile(p, "a", 3);
        assertEquals(-4, profile[0], 0);
        assertEquals(-1, profile[1], 0);
        assertEquals(0, profile[2], 0);
    }

    @Test
    void longRangeRunsReadOnlyFinishedDirectories() {
        LongRangeRuns runs = new LongRangeRuns(DATA);
        for (String dir : runs.dirs(LongRangeSection.LSTM)) {
            assertTrue(Files.isRegularFile(DATA.resolve(dir).resolve("manifest.json")), dir);
        }
        List<LongRangeRuns.Run> all = runs.runs(LongRangeSection.LSTM);
        assertFalse(all.isEmpty());
        assertTrue(all.stream().allMatch(r -> r.sequences() <= r.budget()), "no run exceeds its budget");
        assertTrue(all.stream().filter(LongRangeRuns.Run::solved).allMatch(r -> r.withinTolerance() > 0.9),
                "a run stopped by ST3 answers its test set within 0.04");
    }
}
