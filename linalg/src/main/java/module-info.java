/**
 * Allocation-aware linear algebra over EJML: spectra, QR with sign fix, diagonal products, products of
 * many matrices in log space, seeded randomness and initialisers.
 */
module org.rnngradients.linalg {
    // EJML 0.44 ships no module descriptor: these are its automatic modules (named after the jar files).
    // DMatrixRMaj appears in this module's API, so readers of linalg read EJML too.
    requires transitive ejml.core;
    requires transitive ejml.ddense;
    // The native backend (OpenBLAS/LAPACK through JavaCPP's presets); linalg falls back to EJML where it does not load.
    requires org.bytedeco.javacpp;
    requires org.bytedeco.openblas;

    exports org.rnngradients.linalg;
    // Argument checks shared by the project's own modules: not API.
    exports org.rnngradients.linalg.internal to org.rnngradients.cells, org.rnngradients.bptt, org.rnngradients.analysis;
}
