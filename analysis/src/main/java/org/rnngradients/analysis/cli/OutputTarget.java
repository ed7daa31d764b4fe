package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks on {@code --out} made before a command reads or writes anything. The target must not be
 * empty, the file system root, the working directory or one of its ancestors. An existing target is refused
 * unless {@code --force} is given, and even then it is replaced only when it is a directory written by an
 * earlier run: its {@code manifest.json} names this tool, every other file in it is one the manifest lists,
 * and it holds none of the command's inputs (a resumable command may also replace its own unfinished results
 * file: {@link #checkEarlierRun(Path, Path, String, String)}). A refusal is an IllegalArgumentException naming
 * {@code --out}.
 */
final class OutputTarget {
    private OutputTarget() {
    }

    /** Checks {@code target} for a command reading {@code inputs}; returns it absolute and normalised. */
    static Path check(Path target, boolean force, List<Path> inputs) {
        Path absolute = location(target);
        if (!Files.exists(absolute, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return absolute;
        }
        if (!force) {
            throw new IllegalArgumentException("--out " + target + " already exists (add --force to replace an earlier"
                    + " run)");
        }
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("--out " + target + " exists and is not a directory");
        }
        for (Path input : inputs) {
            if (real(input.toAbsolutePath().normalize()).startsWith(real(absolute))) {
                throw new IllegalArgumentException("--out " + target + " holds the input " + input
                        + "; --force would delete it, so choose another --out");
            }
        }
        checkEarlierRun(target, absolute);
        return absolute;
    }

    /**
     * The checks on where {@code target} is, whether or not it exists: not empty, not the file system root, not the
     * working directory or one of its ancestors, and its parent (if it exists) a directory. Returns it absolute and
     * normalised.
     */
    static Path location(Path target) {
        if (target.toString().isEmpty()) {
            throw new IllegalArgumentException("--out must name a directory, was empty");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IllegalArgumentException("--out must not be the file system root, was " + target);
        }
        Path cwd = real(Path.of("").toAbsolutePath());
        Path real = real(absolute);
        if (cwd.startsWith(real)) {
            throw new IllegalArgumentException("--out " + target + " is the working directory or one of its ancestors;"
                    + " choose a new directory");
        }
        if (Files.exists(absolute.getParent()) && !Files.isDirectory(absolute.getParent())) {
            throw new IllegalArgumentException("--out " + target + ": parent is not a directory");
        }
        return absolute;
    }

    /**
     * Refuses the existing directory {@code dir} (the absolute {@code target}) unless {@link #check} would let
     * --force replace it, or it holds nothing but {@code journal}, a resumable command's unfinished results file
     * whose first line starts with {@code journalHeader}.
     */
    static void checkEarlierRun(Path target, Path dir, String journal, String journalHeader) {
        if (!Files.exists(dir.resolve(Manifest.FILE)) && onlyJournal(dir, journal, journalHeader)) {
            return;
        }
        checkEarlierRun(target, dir);
    }

    /** Whether {@code dir} holds exactly one entry, the regular file {@code journal} starting with {@code header}. */
    private static boolean onlyJournal(Path dir, String journal, String header) {
        Path file = dir.resolve(journal);
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.count() != 1 || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = in.readLine();
                return first != null && first.startsWith(header);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses a directory that is not exactly an earlier run of this tool. */
    private static void checkEarlierRun(Path target, Path dir) {
        Path manifest = dir.resolve(Manifest.FILE);
        String text;
        try {
            text = Files.isRegularFile(manifest) ? Files.readString(manifest, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            text = null;
        }
        if (text == null || !text.contains("\"tool\": \"rnn-gradients\"")) {
            throw new IllegalArgumentException("--out " + target + " is not an earlier run of this tool (no "
                    + Manifest.FILE + " of rnn-gradients in it); --force replaces only such directories");
        }
        String stranger = unlisted(dir, text);
        if (stranger != null) {
            throw new IllegalArgumentException("--out " + target + " holds " + stranger + ", which its " + Manifest.FILE
                    + " does not list; --force replaces only the files of an earlier run");
        }
    }

    /** The first file or empty directory under {@code dir} that the manifest {@code text} does not list, or null. */
    private static String unlisted(Path dir, String text) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                boolean listed = name.isEmpty() || name.equals(Manifest.FILE)
                        || Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && text.contains(Json.quote(name) + ": \"sha256:")
                        || Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && text.contains(Json.quote(name + "/").replaceFirst("\"$", ""));
                if (!listed) {
                    return name;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real path of {@code p}'s longest existing prefix, with the rest appended (symbolic links resolved). */
    static Path real(Path p) {
        Path existing = p;
        Path rest = p.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        try {
            return existing == null ? p : existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return p;
        }
    }
}
