/**
 * Jacobian products along trajectories, bounds, Lyapunov spectra and regimes (package
 * {@code org.rnngradients.analysis}), NumPy interop ({@code org.rnngradients.analysis.io}) and deterministic SVG
 * charts ({@code org.rnngradients.analysis.plot}, which needs JFreeChart): a library on
 * linalg and cells. The experiment command line lives in the non-exported package
 * {@code org.rnngradients.analysis.cli}; everything only it needs is {@code requires static} here and optional in
 * Maven, so a library user gets linalg, cells and EJML alone.
 */
module org.rnngradients.analysis {
    requires transitive org.rnngradients.cells;

    // The command line only (optional Maven dependencies, bundled into the shaded CLI jar).
    requires static org.rnngradients.bptt;
    requires static info.picocli;
    requires static org.jfree.jfreechart;
    requires static org.jfree.svg;
    requires static org.apache.commons.csv;
    requires static java.desktop;
    requires static java.management;

    exports org.rnngradients.analysis;
    exports org.rnngradients.analysis.io;
    // The resumable sweep runner over cell x N x gain x seed.
    exports org.rnngradients.analysis.sweep;
    // The one chart wrapper (CLI and book figures); using it needs JFreeChart and JFreeSVG on the module path.
    exports org.rnngradients.analysis.plot;
    // The CLI's CSV dialect, shared with the book's generator and no one else.
    exports org.rnngradients.analysis.cli.csv to org.rnngradients.docs;
    // picocli injects the options into the command objects by reflection.
    opens org.rnngradients.analysis.cli to info.picocli;
}
