package org.rnngradients.analysis.io;

import java.nio.file.Path;

/**
 * A {@code .npy} file that cannot be read as a supported array: missing, truncated, a bad magic
 * string or header, an unsupported dtype, or a shape that does not fit what the caller expects.
 * The message is one line and starts with the file name.
 */
public final class NpyFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** A failure about {@code file}, described by {@code problem}. */
    public NpyFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
