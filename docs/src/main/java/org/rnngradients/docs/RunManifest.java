package org.rnngradients.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line a recorded run was made with, read from the {@code manifest.json} the CLI writes beside its CSV
 * files, for the "reproduce" line under a figure. Only the one string field is read, so no JSON library is needed.
 */
final class RunManifest {

    private static final Pattern COMMAND = Pattern.compile("\"commandLine\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RunManifest() {
    }

    /** The {@code commandLine} of {@code data/run/manifest.json}; fails naming the file when it is missing. */
    static String command(Path data, String run) {
        Path file = data.resolve(run).resolve("manifest.json");
        try {
            Matcher m = COMMAND.matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalArgumentException("no commandLine in " + file);
            }
            return m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of option {@code name} (e.g. {@code --lr}) in the manifest's "options", as written (quotes removed). */
    static String option(Path data, String run, String name) {
        Path file = data.resolve(run).resolve("manifest.json");
        try {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[^,}\\s]+)")
                    .matcher(Files.readString(file, StandardCharsets.UTF_8));
            if (!m.find()) {
                throw new IllegalArgumentException("no option " + name + " in " + file);
            }
            return m.group(2) != null ? m.group(2) : m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the run directory holds its manifest (the CLI writes it last, so the run is finished). */
    static boolean finished(Path data, String run) {
        return Files.isRegularFile(data.resolve(run).resolve("manifest.json"));
    }

    /** The href of a run's file relative to the book's index.html (the site ships the CSVs under data/). */
    static String href(String run, String file) {
        return "data/" + run + "/" + file;
    }
}
