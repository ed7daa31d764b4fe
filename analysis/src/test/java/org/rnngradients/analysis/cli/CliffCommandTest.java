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
import org.rnngradients.bptt.clip.PascanuCliff;

/** cliff end to end: the surface is the library's loss, the clipped paths respect eta*theta, bad input is named. */
class CliffCommandTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheSurfaceAndBothPathsFromEveryStart() throws IOException {
        Path out = tmp.resolve("c");
        CliRun run = CliRun.of("cliff", "--grid", "11", "--start", "4.5:-2.6,6:-3.6", "--iterations", "40", "--quiet",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> surface = Files.readAllLines(out.resolve("surface.csv"));
        assertEquals("w,b,loss,gradient_norm", surface.get(0));
        assertEquals(1 + 11 * 11, surface.size());
        for (String row : surface.subList(1, surface.size())) {
            String[] f = row.split(",");
            double w = Double.parseDouble(f[0]);
            double b = Double.parseDouble(f[1]);
            assertEquals(PascanuCliff.PASCANU_2013.loss(w, b), Double.parseDouble(f[2]), 0.0);
        }
        List<String> paths = Files.readAllLines(out.resolve("trajectories.csv"));
        assertEquals(1 + 2 * 2 * 41, paths.size());
        for (String row : paths.subList(1, paths.size())) {
            String[] f = row.split(",");
            if (f[1].equals("clipped")) {
                assertTrue(Double.parseDouble(f[8]) <= 1.0 * 0.5 * (1 + 1e-12), "eta*theta bounds every step: " + row);
            }
        }
        assertTrue(Files.readString(out.resolve("cliff.svg")).contains("wall"));
        assertTrue(Files.readString(out.resolve("loss.txt")).contains("T = 50"));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"start1.none.longestStep\""));
    }

    @Test
    void badOptionsAreNamedAndNothingIsWritten() {
        String[][] cases = {{"--w-range", "3:1"}, {"--b-range", "x"}, {"--start", "1:2:3"}, {"--grid", "1"},
            {"--threshold", "0"}, {"--learning-rate", "-1"}, {"--horizon", "0"}, {"--target", "NaN"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("bad");
            CliRun run = CliRun.of("cliff", c[0], c[1], "--quiet", "--out", out.toString());
            assertEquals(RnnGradients.BAD_INPUT, run.exitCode(), String.join(" ", c));
            assertTrue(run.err().contains(c[0]), run.err());
            assertFalse(Files.exists(out));
        }
    }
}
