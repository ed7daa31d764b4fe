package org.rnngradients.analysis.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The numpy-made test resources under /npy. */
final class NpyFiles {
    private NpyFiles() {
    }

    static Path resource(String name) {
        try {
            return Path.of(NpyFiles.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
