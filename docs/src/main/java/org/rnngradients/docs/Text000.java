package org.rnngradients.docs;

import org.rnngradients.analysis.cli.csv.CsvTable;
import java.nio.file.Path;

/** Measurements for the claims of text 000, the problem and its spectral analysis ({@code docs/src/ledger/000.txt}). */
final class Text000 {

    private Text000() {
    }

    static void register(Measurements m, Path root) {
        m.on("adding-vanilla", x -> addingVanilla(x, root));
        m.on("lstm-thousand", x -> lstmThousand(x, root));
        m.on("clipping-prevents-divergence", x -> clippingPreventsDivergence(x, root));
        m.on("radius-bound", Text000::radiusBound);
        m.on("norm-bound", Text000::normBound);
        m.on("power-norm", Text000::powerNorm);
        m.on("three-regimes", Text000::threeRegimes);
        m.on("clip-rule", Text000::clipRule);
        m.on("vanilla-vanishes", Text000::vanillaVanishes);
        m.on("clipping-no-vanishing", Text000::clippingNoVanishing);
    }

    private static void radiusBound(Measurement m) {
        int size = 3;
        int trials = 2000;
        double ratio = Claims.worstSpectralRadiusRatio(size, trials, 11);
        m.value(Formats.adoc(ratio, 3)).quote("size", Integer.toString(size)).put("trials", Integer.toString(trials))
         .verdict(Verdict.forStatement(ratio <= 1));
    }

    private static void normBound(Measurement m) {
        int size = 5;
        int trials = 2000;
        double norm = Claims.worstNormBoundRatio(size, trials, 12);
        m.value(Formats.adoc(norm, 6)).put("size", Integer.toString(size)).put("trials", Integer.toString(trials))
         .verdict(Verdict.forStatement(norm <= 1 + 1e-12));
    }

    private static void powerNorm(Measurement m) {
        double growth = ProductClaims.triangularTransientRatio(0.9, 10, 0.8, 10);
        double kappa = ProductClaims.triangularEigenvectorCondition(0.9, 10, 0.8);
        double rate = Math.pow(ProductClaims.triangularTransientRatio(0.9, 10, 0.8, 2000), 1.0 / 2000);
        m.value(Formats.adoc(growth, 3)).quote("kappa", Formats.fixed(kappa, 0)).put("rate", Formats.adoc(rate, 4))
         .verdict(Verdict.forTrend(growth, rate));
    }

    private static void threeRegimes(Measurement m) {
        int trials = 300;
        int powers = 200;
        double regimes = ProductClaims.worstDiagonalisablePowerViolation(4, trials, powers, 15);
        double jordan = ProductClaims.unitJordanPowerNorm(100);
        m.put("trials", Integer.toString(trials)).put("powers", Integer.toString(powers))
         .put("violation", Formats.adoc(regimes, 2)).quote("jordan", Formats.fixed(jordan, 1))
         .verdict(Verdict.forStatement(regimes <= 0));
    }

    private static void clipRule(Measurement m) {
        double gradientNorm = 12;
        double theta = 5;
        double[] clip = Claims.clipOutcome(gradientNorm, theta, 13);
        double[] kept = Claims.clipOutcome(3, 5, 14);
        m.value(Formats.fixed(clip[0], 9)).quote("norm", Formats.fixed(gradientNorm, 0)).quote("theta", Formats.fixed(theta, 0))
         .put("cosine", Formats.fixed(clip[1], 9)).put("kept", Formats.fixed(kept[0], 9))
         .verdict(Verdict.forStatement(Math.abs(clip[0] - 5) < 1e-9 && Math.abs(clip[1] - 1) < 1e-9 && Math.abs(kept[0] - 3) < 1e-9));
    }

    private static void addingVanilla(Measurement m, Path root) {
        double[] b;
        double[] o;
        try {
            b = AddingResults.vanillaBoundary(root);
            o = AddingResults.boundary(AddingResults.orthogonalSweep(root));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        m.require(b[2] == 1 && o[2] == 1, "every length beyond the first failure also failed");
        m.put("solved", Integer.toString((int) b[0])).put("solved-orthogonal", Integer.toString((int) o[0]))
         .put("failed", Integer.toString((int) b[1])).put("failed-orthogonal", Integer.toString((int) o[1]))
         .verdict(addingVerdict(m.entry().figure(), b, o));
    }

    /** The rule of the adding-vanilla row, applied to the boundaries of every initialisation tried. */
    static Verdict addingVerdict(double stated, double[]... boundaries) {
        double solved = 0;
        double failed = 0;
        boolean monotone = true;
        for (double[] b : boundaries) {
            solved = Math.max(solved, b[0]);
            failed = Math.max(failed, b[1]);
            monotone &= b[2] == 1;
        }
        if (!monotone || failed > 4 * stated) {
            return Verdict.FALSE;
        }
        return solved <= stated ? Verdict.HOLDS : solved <= 2 * stated ? Verdict.APPROXIMATE : Verdict.FALSE;
    }

    /** {completed steps without clipping, failed (1/0), completed steps with clipping, max steps}. */
    static double[] clippingOutcome(java.nio.file.Path root) throws java.io.IOException {
        CsvTable t = CsvTable.read(root.resolve(ExperimentResults.DIR).resolve("exploding-clipping/summary.csv"));
        double[] out = new double[4];
        for (int r = 0; r < t.size(); r++) {
            if (t.text(r, "variant").equals("no-clipping")) {
                out[0] = t.number(r, "completed_steps");
                out[1] = Boolean.parseBoolean(t.text(r, "failed")) ? 1 : 0;
            } else if (t.text(r, "variant").equals("global-norm")) {
                out[2] = t.number(r, "completed_steps");
            }
            out[3] = t.number(r, "max_steps");
        }
        return out;
    }

    private static void clippingPreventsDivergence(Measurement m, Path root) {
        double[] c = clipping(root);
        m.put("stopped", Integer.toString((int) c[0])).put("steps", Integer.toString((int) c[3]))
         .put("completed", Integer.toString((int) c[2]))
         .verdict(Verdict.forStatement(c[1] == 1 && c[0] < c[3] && c[2] == c[3]));
    }

    /** {@link #clippingOutcome} without the checked exception. */
    static double[] clipping(Path root) {
        try {
            return clippingOutcome(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void vanillaVanishes(Measurement m) {
        double rate = Lab.ordersLostPerTenSteps(Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH));
        m.put("rate", Formats.fixed(rate, 2)).verdict(Verdict.forStatement(rate > 0));
    }

    private static void clippingNoVanishing(Measurement m) {
        double worst = 0;
        for (double norm : new double[] {1e-12, 1e-6, 0.01, 0.5, 3, 12}) {
            worst = Math.max(worst, Claims.clipOutcome(norm, 5, 61)[0] / norm);
        }
        m.value(Formats.fixed(worst, 12)).verdict(Verdict.forStatement(worst <= 1 + 1e-12));
    }

    private static void lstmThousand(Measurement m, Path root) {
        long[] t = LongRangeClaims.thousand(root);
        m.require(t[0] > 0, "there are recorded runs at T = 1000");
        String budget = String.format(java.util.Locale.ROOT, "%,d", LongRangeClaims.chrono(root, 1000).get(0).budget())
                .replace(',', '\u2009');
        m.value(t[1] + " of " + t[0]).put("fewest", Long.toString(t[2])).put("most", Long.toString(t[3]))
         .put("budget", budget)
         .verdict(t[1] == t[0] ? Verdict.HOLDS : t[1] == 0 ? Verdict.FALSE : Verdict.APPROXIMATE);
    }
}
