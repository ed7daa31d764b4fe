package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.rnngradients.cells.CellKind;
import org.rnngradients.linalg.Backend;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code manifest.json}: the command line as typed, every option's effective value (defaults
 * included), the seed, the versions of the project, its libraries and Java, the linear-algebra backend, a few
 * headline results, and the SHA-256 of every other file in the directory (and its subdirectories). No
 * timestamps, so equal runs give equal manifests.
 */
final class Manifest {
    /** The file name. */
    static final String FILE = "manifest.json";

    private Manifest() {
    }

    /** The manifest of the command {@code spec} that produced the files now in {@code out}. */
    static Map<String, Object> of(CommandSpec spec, long seed, Map<String, Object> results, Path out)
            throws IOException {
        ParseResult parsed = spec.commandLine().getParseResult();
        List<String> args = parsed == null ? List.of() : parsed.originalArgs();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "rnn-gradients");
        m.put("command", spec.name());
        m.put("commandLine", commandLine(spec, args));
        m.put("arguments", args);
        m.put("options", options(spec));
        m.put("seed", seed);
        m.put("versions", Versions.all());
        m.put("backend", Backend.current().description());
        m.put("results", results);
        m.put("files", digests(out));
        return m;
    }

    /** Writes {@link #of} into {@code out}/manifest.json. */
    static void write(Path out, CommandSpec spec, long seed, Map<String, Object> results) throws IOException {
        RunFiles.text(out, FILE, Json.write(of(spec, seed, results, out)));
    }

    /** {@code rnn-gradients <command> <args…>} with shell quoting where needed. */
    static String commandLine(CommandSpec spec, List<String> args) {
        StringBuilder s = new StringBuilder(spec.root().name());
        for (String w : args) {
            s.append(' ').append(w.matches("[A-Za-z0-9_./:=,+@%-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    private static Map<String, Object> options(CommandSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            m.put(o.longestName(), value(v));
        }
        return m;
    }

    /** An option value as the user would type it (a cell kind by its command-line name). */
    private static Object value(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return v instanceof CellKind k ? k.cliName() : v.toString();
    }

    private static Map<String, Object> digests(Path dir) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = dir.relativize(f).toString().replace('\\', '/');
            if (!name.equals(FILE) && !f.getFileName().toString().startsWith(".")) {
                m.put(name, "sha256:" + sha256(Files.readAllBytes(f)));
            }
        }
        return m;
    }

    /** The SHA-256 digest of {@code bytes} in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
