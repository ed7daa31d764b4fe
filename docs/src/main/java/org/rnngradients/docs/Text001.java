package org.rnngradients.docs;

import java.nio.file.Path;
import org.rnngradients.analysis.Regime;
import org.rnngradients.cells.CellKind;

/** Measurements for the claims of text 001, multiplicative decay and long-range dependence ({@code 001.txt}). */
final class Text001 {

    private Text001() {
    }

    /** The ρ table of text 001: rows T = 10, 30, 100; columns ρ = 0.9, 0.8, 0.7. */
    static final int[] TABLE_T = {10, 30, 100};
    static final double[] TABLE_RHO = {0.9, 0.8, 0.7};
    /** "A few steps", read generously: at most this many. */
    static final int FEW_STEPS = 10;

    static void register(Measurements m, Path root) {
        m.on("pow-12-10", x -> x.number(Claims.scaledIdentityPowerNorm(1.2, 10, 2)));
        m.on("pow-07-10", x -> x.number(Claims.scaledIdentityPowerNorm(0.7, 10, 2)));
        for (int t : TABLE_T) {
            for (double rho : TABLE_RHO) {
                m.on("table-" + t + "-" + Math.round(rho * 10), x -> tableCell(x, t, rho));
            }
        }
        m.on("cat-distance", Text001::catDistance);
        m.on("pow-08-13", x -> x.number(Claims.scaledIdentityPowerNorm(0.8, 13, 2)));
        m.on("twenty-times", x -> x.number(1 / Claims.scaledIdentityPowerNorm(0.8, 13, 2)));
        m.on("explode-few-steps", Text001::explodeFewSteps);
        m.on("radius-explodes", x -> radiusExplodes(x, root));
        m.on("orientation", Text001::orientation);
        m.on("typical-init", Text001::typicalInit);
        m.on("nan-few-steps", x -> nanFewSteps(x, root));
        m.on("optimiser-no-fix", x -> optimiserNoFix(x, root));
    }

    /** One cell: ρ^T against the printed figure; a cell printed as ≈ 0 (no figure) must be negligible. */
    private static void tableCell(Measurement m, int t, double rho) {
        double measured = Claims.scaledIdentityPowerNorm(rho, t, 2);
        if (m.entry().figure() == null) {
            m.put("value", Formats.adoc(measured, 3)).verdict(Verdict.forNegligible(measured));
            return;
        }
        m.number(measured);
        if (!m.entry().note().isEmpty()) {
            double previous = Claims.scaledIdentityPowerNorm(rho, t - 1, 2);
            boolean printedIsPrevious = Verdict.forNumber(m.entry().figure(), m.entry().digits(), previous) == Verdict.HOLDS;
            boolean holds = Verdict.forNumber(m.entry().figure(), m.entry().digits(), measured) == Verdict.HOLDS;
            m.require(!holds, "the printed value is not ρ^T")
             .require(printedIsPrevious == m.entry().note().contains("is ρ^T−1^"), "which power the printed value is")
             .put("power", Formats.adoc(measured, 3)).put("previous", Formats.adoc(previous, 3));
        }
    }

    private static void catDistance(Measurement m) {
        int steps = Claims.tokenDistance(Claims.CAT_SENTENCE, "cat", "hungry");
        m.value(Integer.toString(steps))
         .quote("between", Integer.toString(Claims.tokenDistance(Claims.CAT_SENTENCE, "cat", "was")))
         .verdict(Verdict.forNumber(m.entry().figure(), m.entry().digits(), steps));
    }

    private static void explodeFewSteps(Measurement m) {
        int steps = ProductClaims.stepsToReach(1.5, 1e6);
        int needed = (int) Math.ceil(Math.pow(10, 6.0 / FEW_STEPS));
        m.put("steps", Integer.toString(steps)).put("few", Integer.toString(FEW_STEPS))
         .put("slow", Integer.toString(ProductClaims.stepsToReach(1.1, 1e6)))
         .put("exponent", Formats.fixed(6.0 / FEW_STEPS, 1)).put("needed", Integer.toString(needed))
         .verdict(Verdict.forStatement(steps <= FEW_STEPS));
    }

    private static void radiusExplodes(Measurement m, Path root) {
        FiniteSizeStudy study = FiniteSizeStudy.of(root);
        double gain = FiniteSizeSection.PROBE_GAIN;
        java.util.List<Integer> sizes = study.sizes(FiniteSizeSection.CELL);
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        FiniteSizeStudy.Point ps = study.at(FiniteSizeSection.CELL, small, gain);
        FiniteSizeStudy.Point pl = study.at(FiniteSizeSection.CELL, large, gain);
        double eps = Regime.DEFAULT_EPSILON;
        org.rnngradients.analysis.MeanFieldTheory theory = new org.rnngradients.analysis.MeanFieldTheory();
        double limit = theory.largestExponent(gain);
        double rho = gain * study.radiusAtUnitGain(large);
        m.value(Formats.fixed(pl.mean(), 3)).quote("rho", Formats.fixed(rho, 2)).put("gain", Double.toString(gain))
         .put("small", ps.exploding() + " of " + ps.networks()).put("large", pl.exploding() + " of " + pl.networks())
         .put("small-n", Integer.toString(small)).quote("large-n", Integer.toString(large))
         .put("mean-field", Formats.fixed(limit, 3))
         .put("small-cross", Formats.fixed(study.crossing(FiniteSizeSection.CELL, small, eps).gain(), 2))
         .put("large-cross", Formats.fixed(study.crossing(FiniteSizeSection.CELL, large, eps).gain(), 2))
         .put("limit-cross", Formats.fixed(theory.gainForExponent(eps), 2))
         .require(study.crossing(FiniteSizeSection.CELL, large, eps).gain()
                 < study.crossing(FiniteSizeSection.CELL, small, eps).gain(), "the ε-crossing falls with N")
         .verdict(Verdict.forSizes(ps.exploding() == ps.networks(), pl.exploding() == pl.networks(), limit > eps));
    }

    private static void orientation(Measurement m) {
        int n = 4;
        int steps = 8;
        double[] e = OrientationClaims.productErrors(n, steps, 16);
        m.value(Formats.fixed(100 * e[1], 0) + " %").put("n", Integer.toString(n)).put("steps", Integer.toString(steps))
         .put("error", Formats.adoc(e[0], 2)).put("gap", Formats.adoc(e[1], 2))
         .verdict(Verdict.forStatement(e[1] < 1e-6));
    }

    private static void typicalInit(Measurement m) {
        double[] vanilla = Lab.meanLog10Profile(CellKind.RNN_TANH);
        double back10 = vanilla[Lab.T - 11] - vanilla[Lab.T - 1];
        double back30 = vanilla[Lab.T - 31] - vanilla[Lab.T - 1];
        m.value(Formats.fixed(-back30, 1)).put("back10", Formats.fixed(back10, 1)).put("back30", Formats.fixed(back30, 1))
         .verdict(Verdict.forStatement(back10 < -1 && back30 < -5));
    }

    private static void nanFewSteps(Measurement m, Path root) {
        double[] c = Text000.clipping(root);
        int[] d = LongRangeClaims.divergence(root);
        m.value(Integer.toString((int) c[0])).put("steps", Integer.toString((int) c[3]))
         .put("diverged", Integer.toString(d[0])).put("single", Integer.toString(d[1]))
         .put("few", FEW_STEPS + " steps")
         .require(c[1] == 1 && d[0] > 0 && d[0] < d[1] && d[1] < c[0], "it diverges first, overflows float32 next, double last")
         .verdict(d[1] <= FEW_STEPS ? Verdict.HOLDS : d[0] <= FEW_STEPS ? Verdict.APPROXIMATE : Verdict.FALSE);
    }

    private static void optimiserNoFix(Measurement m, Path root) {
        double[] o = LongRangeClaims.optimisers(root);
        m.require(o[0] > 0, "optimiser runs are recorded").require(o[2] < AddingResults.SOLVED, "every setting learns the shortest length");
        String budget = String.format(java.util.Locale.ROOT, "%,d",
                LongRangeClaims.runs(root).runs(LongRangeSection.OPTIMISER).get(0).budget()).replace(',', '\u2009');
        m.value(Formats.fixed(o[1], 2)).put("settings", Integer.toString((int) o[0])).put("budget", budget)
         .put("lag", Integer.toString(LongRangeClaims.LONG_LAG)).put("short", Integer.toString((int) o[3]))
         .put("short-ratio", Formats.fixed(o[2], 3))
         .verdict(Verdict.forStatement(o[1] > AddingResults.FAILED));
    }
}
