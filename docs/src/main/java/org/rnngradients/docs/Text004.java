package org.rnngradients.docs;

import org.rnngradients.analysis.cli.csv.CsvTable;
import java.nio.file.Path;
import org.rnngradients.analysis.Regime;
import org.rnngradients.linalg.Initialiser;

/** Measurements for the claims of text 004: three problems, local Jacobian, spectral norm, γ, remedies ({@code 004.txt}). */
final class Text004 {

    private Text004() {
    }

    static void register(Measurements m, Path root) {
        m.on("bptt-memory-linear", x -> memoryLinear(x, root));
        m.on("adjoint-recursion", Text004::adjointRecursion);
        m.on("sigmoid-sup", x -> x.number(Claims.supOnGrid(Claims::sigmoidDerivative, 10, 20001)));
        m.on("tanh-sup", x -> x.number(Claims.supOnGrid(Claims::tanhDerivative, 10, 20001)));
        m.on("diag-norm", Text004::diagonalNorm);
        m.on("sigma-max", Text004::sigmaMax);
        m.on("gamma-bound", x -> gammaExcess(x, 1.3, 43));
        m.on("norm-below-one", x -> gammaExcess(x, 0.9, 44));
        m.on("xavier-he-edge", Text004::xavierHeEdge);
        m.on("relu-matrix-decides", Text004::reluMatrixDecides);
    }

    /** {largest relative spread of stored bytes per step over the recorded T, smallest T, largest T} for full BPTT. */
    static double[] memoryPerStepSpread(java.nio.file.Path root) {
        try {
            CsvTable t = CsvTable.read(root.resolve(ExperimentResults.DIR).resolve("checkpoint-memory-full/memory.csv"));
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            double tMin = Double.POSITIVE_INFINITY;
            double tMax = 0;
            for (int r = 0; r < t.size(); r++) {
                double perStep = t.number(r, "stored_activation_bytes") / t.number(r, "T");
                lo = Math.min(lo, perStep);
                hi = Math.max(hi, perStep);
                tMin = Math.min(tMin, t.number(r, "T"));
                tMax = Math.max(tMax, t.number(r, "T"));
            }
            return new double[] {hi / lo - 1, tMin, tMax};
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void memoryLinear(Measurement m, Path root) {
        double[] s = memoryPerStepSpread(root);
        m.value(Formats.adoc(s[0], 2)).put("shortest", Integer.toString((int) s[1])).put("longest", Integer.toString((int) s[2]))
         .verdict(Verdict.forStatement(s[0] < 0.05));
    }

    private static void adjointRecursion(Measurement m) {
        int n = 5;
        double adjoint = OrientationClaims.adjointStepError(n, 62);
        m.value(Formats.adoc(adjoint, 2)).put("n", Integer.toString(n)).verdict(Verdict.forStatement(adjoint < 1e-6));
    }

    private static void diagonalNorm(Measurement m) {
        int trials = 500;
        double diag = TrajectoryClaims.worstDiagonalNormGap(6, trials, 41);
        m.value(Formats.adoc(diag, 2)).quote("trials", Integer.toString(trials)).verdict(Verdict.forStatement(diag < 1e-12));
    }

    private static void sigmaMax(Measurement m) {
        int trials = 500;
        double sv = ProductClaims.worstSpectralNormIdentityError(5, trials, 42);
        m.value(Formats.adoc(sv, 2)).put("trials", Integer.toString(trials)).verdict(Verdict.forStatement(sv < 1e-10));
    }

    /** The largest excess of ln‖∏J‖ over t·ln γ along a driven tanh trajectory with ‖W‖ = {@code norm}. */
    private static void gammaExcess(Measurement m, double norm, long seed) {
        int steps = 60;
        double excess = TrajectoryClaims.worstGammaExcess(8, steps, norm, seed);
        m.value(Formats.adoc(excess, 3)).quote("norm", Double.toString(norm)).put("steps", Integer.toString(steps))
         .verdict(Verdict.forStatement(excess <= 1e-12));
    }

    private static void xavierHeEdge(Measurement m) {
        double[] xavier = LyapunovChapter.initialisationStudy(Initialiser.xavierUniform(1));
        double[] he = LyapunovChapter.initialisationStudy(Initialiser.he());
        double[] pytorch = LyapunovChapter.initialisationStudy(Initialiser.pytorchDefault(Lab.HIDDEN));
        double eps = Regime.DEFAULT_EPSILON;
        m.put("n", Integer.toString(LyapunovChapter.N)).put("draws", Integer.toString(LyapunovChapter.DRAWS))
         .quote("xavier-gamma", Formats.fixed(xavier[0], 2)).quote("xavier-rho", Formats.fixed(xavier[1], 2))
         .quote("xavier-lambda", Formats.fixed(xavier[2], 3)).quote("he-gamma", Formats.fixed(he[0], 2))
         .quote("he-rho", Formats.fixed(he[1], 2)).quote("he-lambda", Formats.fixed(he[2], 3))
         .quote("pytorch-gamma", Formats.fixed(pytorch[0], 2))
         .put("xavier-about", Formats.fixed(xavier[0], 1)).put("he-about", Formats.fixed(he[0], 1))
         .put("epsilon", Double.toString(eps))
         .require(xavier[2] < -eps, "the Xavier point lies on the vanishing side")
         .verdict(Verdict.forStatement(Math.abs(xavier[0] - 1) < 0.25 && Math.abs(he[0] - 1) < 0.25
                 && Math.abs(xavier[2]) <= eps && Math.abs(he[2]) <= eps));
    }

    private static void reluMatrixDecides(Measurement m) {
        double small = 0.8;
        double large = 1.2;
        double shrink = Lab.reluIdentityRate(small, 45);
        double grow = Lab.reluIdentityRate(large, 46);
        m.quote("loss", Formats.fixed(shrink, 2)).quote("gain", Formats.fixed(-grow, 2))
         .put("small", Double.toString(small)).put("large", Double.toString(large))
         .verdict(Verdict.forStatement(shrink > 0.5 && grow < -0.5));
    }
}
