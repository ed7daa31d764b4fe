package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting a run (SIGTERM, which runs the same shutdown hooks as Ctrl-C's SIGINT) leaves neither
 * the output directory nor its staging directory behind. The run is a separate JVM on the test classpath.
 */
class InterruptTest {

    @TempDir
    Path tmp;

    private List<Path> listing() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.toList();
        }
    }

    @Test
    void interruptedRunLeavesNoDirectory() throws Exception {
        Path out = tmp.resolve("long-run");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), RnnGradients.class.getName(),
                "lyapunov", "--hidden", "96", "--exponents", "2", "--steps", "2000000", "--quiet", "--out",
                out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (listing().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<Path> during = listing();
            assertEquals(1, during.size(), "the staging directory exists while the run computes: " + during);
            assertTrue(during.get(0).getFileName().toString().startsWith(".long-run.partial-"), during.toString());
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops");
            assertNotEquals(0, p.exitValue());
            assertEquals(List.of(), listing(), "no output and no staging directory left");
        } finally {
            p.destroyForcibly();
        }
    }
}
