package org.rnngradients.analysis.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An output directory that appears complete or not at all. Files are written into a hidden
 * temporary directory beside the target ({@code .NAME.partial-…}); {@link #commit()} moves it into
 * place in one rename. Closing without committing, an exception, or Ctrl-C (a shutdown hook)
 * deletes the temporary directory and the parent directories it created, so no half-written output directory
 * is ever left behind. With {@code --force} an earlier run is moved aside, the new one moved into place, and
 * the earlier one deleted only then (or moved back if the second move fails).
 */
final class StagedDirectory implements AutoCloseable {
    private final Path target;
    private final boolean replace;
    private Path staging;
    private final Thread hook;
    private final List<Path> createdParents;
    private boolean committed;
    private boolean aborted;

    private StagedDirectory(Path target, boolean replace) throws IOException {
        this.target = target;
        this.replace = replace;
        Path parent = target.getParent();
        this.createdParents = createParents(parent);
        // The hook is registered before the directory exists, and both creation and abort() hold this
        // object's lock: a Ctrl-C at any moment either prevents the directory or deletes it.
        this.hook = new Thread(this::abort, "rnn-gradients-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            createStaging(parent);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Creates the missing ancestors of {@code dir} and returns them, deepest first (an abort removes them again). */
    private static List<Path> createParents(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            deleteEmpty(missing);
            throw e;
        }
        return missing;
    }

    /** Deletes the directories of {@code dirs} in order, each only if it is empty. */
    private static void deleteEmpty(List<Path> dirs) {
        for (Path p : dirs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (someone else wrote there) or not ours to delete: keep it and its ancestors
            }
        }
    }

    private synchronized void createStaging(Path parent) throws IOException {
        if (aborted) {
            throw new IOException("interrupted: " + target + " was not written");
        }
        staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
    }

    /**
     * Checks {@code target} with {@link OutputTarget#check} (no inputs) and opens a staging directory beside it,
     * creating missing parent directories. A refusal is an IllegalArgumentException naming the option and the
     * path, thrown before anything is created.
     */
    static StagedDirectory open(Path target, boolean replace) throws IOException {
        return open(target, replace, List.of());
    }

    /** As {@link #open(Path, boolean)} for a command that reads {@code inputs} (which --force must never delete). */
    static StagedDirectory open(Path target, boolean replace, List<Path> inputs) throws IOException {
        return new StagedDirectory(OutputTarget.check(target, replace, inputs), replace);
    }

    /**
     * A staging directory that replaces the existing directory {@code target} at {@link #commit()}, for a caller
     * that has already checked it may ({@link OutputTarget#checkEarlierRun(Path, Path, String, String)}).
     */
    static StagedDirectory replacing(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("--out " + target + " is not a directory to replace");
        }
        return new StagedDirectory(target.toAbsolutePath().normalize(), true);
    }

    /** The checks of {@link #open}, alone; returns the absolute target. */
    static Path check(Path target, boolean replace) {
        return OutputTarget.check(target, replace, List.of());
    }

    /** The temporary directory to write into. */
    synchronized Path dir() {
        return staging;
    }

    /** {@code name} inside the temporary directory. */
    synchronized Path resolve(String name) {
        return staging.resolve(name);
    }

    /** Moves the finished directory into place (replacing an old one when allowed). */
    // tag::staged-commit[]
    synchronized void commit() throws IOException {
        if (aborted) {
            throw new IOException("interrupted: " + target + " was not written");
        }
        Path old = null;
        if (replace && Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);                     // the earlier run steps aside ...
        }
        try {
            move(staging, target);                 // ... the new one takes its place ...
        } catch (IOException e) {
            if (old != null) {
                move(old, target);                 // ... or the earlier run comes back
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }
    // end::staged-commit[]

    /** Deletes the temporary directory unless committed; used by the shutdown hook. */
    synchronized void abort() {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        if (staging != null) {
            deleteTree(staging);
        }
        deleteEmpty(createdParents);
    }

    @Override
    public void close() {
        abort();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs or has run abort()
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes {@code root} and everything under it, retrying a few times if a writer races with us. */
    static void deleteTree(Path root) {
        for (int attempt = 0; attempt < 5 && Files.exists(root); attempt++) {
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
                for (Path p : paths) {
                    Files.deleteIfExists(p);
                }
            } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                // a concurrent writer: try again
            } catch (IOException e) {
                return;
            }
        }
    }
}
