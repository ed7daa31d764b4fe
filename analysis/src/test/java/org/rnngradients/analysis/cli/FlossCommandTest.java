package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The floss command: its files and their headers, its headline results, and option errors (nothing written). */
class FlossCommandTest {

    @TempDir
    Path tmp;

    /** The small run, with option values replaced by {@code overrides} (option, value, option, value, …). */
    private CliRun floss(Path out, String... overrides) {
        List<String> args = new java.util.ArrayList<>(base(out));
        for (int k = 0; k < overrides.length; k += 2) {
            args.set(args.indexOf(overrides[k]) + 1, overrides[k + 1]);
        }
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> base(Path out) {
        return List.of("floss", "--lengths", "6,8", "--setups", "clipping,flossing", "--seeds", "2",
                "--hidden", "5", "--iterations", "12", "--batch", "3", "--exponents", "3", "--floss-horizon", "12",
                "--floss-warm-up", "2", "--prefloss", "4", "--floss-interval", "4", "--monitor-horizon", "30",
                "--monitor-warm-up", "5", "--eval-every", "6", "--test-size", "10", "--profile-size", "3", "--quiet",
                "--out", out.toString());
    }

    @Test
    void writesEveryTableWithOneRowPerRunAndTheSuccessCounts() throws IOException {
        Path out = tmp.resolve("floss");
        CliRun run = floss(out);
        assertEquals(0, run.exitCode(), run.err());
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals("setup,T,seed,seconds,test_mse,test_over_baseline,success,clip_events,lambda1_init,lambda1_train_start,lambda1_end",
                runs.get(0));
        assertEquals(1 + 2 * 2 * 2, runs.size());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("setup,T,runs,successes,success_rate,median_test_mse,mean_seconds", summary.get(0));
        assertEquals(List.of("clipping,6,2", "flossing,6,2", "clipping,8,2", "flossing,8,2"),
                summary.subList(1, 5).stream().map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1) + 2)).toList());
        assertEquals("setup,T,seed,step,test_mse,lambda_1,lambda_2,lambda_3",
                Files.readAllLines(out.resolve("lyapunov.csv")).get(0));
        assertEquals(1 + 2 * (6 + 8) * 2, Files.readAllLines(out.resolve("profiles.csv")).size());
        assertEquals(1 + 2 * 2 * 4, Files.readAllLines(out.resolve("preflossing.csv")).size());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"floss.flossing.T8.successes\""), manifest);
        assertTrue(manifest.contains("\"--lengths\": \"[6, 8]\""), manifest);
    }

    @Test
    void withoutTheTermOnlyThePhaseFlossesAndTheRunDiffers() throws IOException {
        CliRun with = floss(tmp.resolve("with"));
        List<String> base = new java.util.ArrayList<>(base(tmp.resolve("without")));
        base.add("--no-floss-term");
        CliRun without = CliRun.of(base.toArray(String[]::new));
        assertEquals(0, with.exitCode(), with.err());
        assertEquals(0, without.exitCode(), without.err());
        List<String> a = Files.readAllLines(tmp.resolve("with").resolve("lyapunov.csv"));
        List<String> b = Files.readAllLines(tmp.resolve("without").resolve("lyapunov.csv"));
        assertEquals(a.stream().filter(l -> l.startsWith("clipping")).toList(),
                b.stream().filter(l -> l.startsWith("clipping")).toList(), "clipping runs do not floss");
        assertFalse(a.equals(b), "the term changes the flossing runs");
        assertTrue(Files.readString(tmp.resolve("without").resolve("manifest.json")).contains("\"--floss-term\": false"));
    }

    @Test
    void anUnknownSetupIsBadInputAndWritesNothing() {
        Path out = tmp.resolve("bad");
        CliRun run = floss(out, "--setups", "clipping,gating");
        assertEquals(RnnGradients.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--setups: setup must be one of none, clipping, orthogonal, flossing, was gating"),
                run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void tooManyExponentsForTheHiddenSizeNameTheSetting() {
        CliRun run = floss(tmp.resolve("bad"), "--exponents", "6");
        assertEquals(RnnGradients.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("target.exponents must be in [1, 5], was 6"), run.err());
    }

    @Test
    void aLengthBelowTwoIsRefused() {
        CliRun run = floss(tmp.resolve("bad"), "--lengths", "1");
        assertEquals(RnnGradients.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("--lengths"), run.err());
    }
}
