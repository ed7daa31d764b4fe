package org.rnngradients.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Runs the scripts in src/test/python with a Python interpreter that has the modules they import. */
final class Python {
    /** The interpreters tried, in order: the one on the PATH, then the system's (where Debian puts PyTorch). */
    private static final List<String> INTERPRETERS = List.of("python3", "/usr/bin/python3");

    /** Probes already made, by import line (each probe starts an interpreter). */
    private static final Map<String, Optional<Python>> FOUND = new ConcurrentHashMap<>();

    private final String executable;

    private Python(String executable) {
        this.executable = executable;
    }

    /** The first interpreter that imports every one of {@code modules}, if any. */
    static Optional<Python> with(String... modules) {
        String imports = "import " + String.join(", ", modules);
        return FOUND.computeIfAbsent(imports,
                i -> INTERPRETERS.stream().map(Python::new).filter(p -> p.succeeds("-c", i)).findFirst());
    }

    /** Runs src/test/python/{@code script} with {@code args}; returns its output, or "exit N: output" on failure. */
    String script(String script, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = executable;
        command[1] = Path.of("src", "test", "python", script).toString();
        System.arraycopy(args, 0, command, 2, args.length);
        return run(command);
    }

    /** The number after the last ':' of a reproduction script's report. */
    static double difference(String report) {
        return Double.parseDouble(report.substring(report.lastIndexOf(':') + 1).strip());
    }

    private boolean succeeds(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = executable;
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            return run(command).isEmpty();
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue() == 0 ? out : "exit " + p.exitValue() + ": " + out;
    }
}
