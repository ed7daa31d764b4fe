package org.rnngradients.analysis.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the results go and how the run reports progress. */
final class OutputOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory; written in a temporary directory beside it and moved into place at the end.")
    Path out;

    @Option(names = "--force", description = "Replace DIR if it exists.")
    boolean force;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;
}
