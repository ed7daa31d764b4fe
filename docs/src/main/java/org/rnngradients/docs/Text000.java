package org.rnngradients.docs;

import org.rnngradients.analysis.cli.csv.CsvTable;

/** Ledger rows for text 000 (the problem and its spectral analysis). */
final class Text000 {

    private Text000() {
    }

    static void add(Ledger l, java.nio.file.Path root) {
        addAdding(l, root);
        addClipping(l, root);
        int size = 3;
        double ratio = Claims.worstSpectralRadiusRatio(size, 2000, 11);
        l.add(new LedgerRow("radius-bound", "000 §1",
                "For a tanh RNN, ρ(diag(tanh′) W~hh~) ≤ ρ(W~hh~) because the diagonal entries are at most 1",
                "ratio ≤ 1", "largest ρ(diag(d)W)/ρ(W) over 2000 random 3×3 cases: " + Formats.adoc(ratio, 3),
                Verdict.forStatement(ratio <= 1), "spectralRadiusIsNotMonotoneUnderDiagonalScaling",
                "The spectral radius is not submultiplicative. What holds is the norm bound "
                        + "‖diag(d)W‖~2~ ≤ max~i~ abs(d~i~)·‖W‖~2~ (<<claim-norm-bound>>)."));
        l.value("radius-bound", Formats.adoc(ratio, 3));
        l.value("radius-bound", "size", Integer.toString(size));
        double norm = Claims.worstNormBoundRatio(5, 2000, 12);
        l.add(new LedgerRow("norm-bound", "000 §1, 003, 004",
                "The corrected form: ‖diag(d) W‖~2~ ≤ max abs(d~i~) · ‖W‖~2~",
                "ratio ≤ 1", "largest ratio over 2000 random 5×5 cases: " + Formats.adoc(norm, 6),
                Verdict.forStatement(norm <= 1 + 1e-12), "diagonalScalingBoundsTheSpectralNorm", ""));
        l.value("norm-bound", Formats.adoc(norm, 6));
        double growth = ProductClaims.triangularTransientRatio(0.9, 10, 0.8, 10);
        double kappa = ProductClaims.triangularEigenvectorCondition(0.9, 10, 0.8);
        double rate = Math.pow(ProductClaims.triangularTransientRatio(0.9, 10, 0.8, 2000), 1.0 / 2000);
        l.add(new LedgerRow("power-norm", "000 §1",
                "For a constant diagonalisable J, ‖J^k^‖ ≈ ρ(J)^k^",
                "≈", "J = (0.9, 10; 0, 0.8), κ(P) = " + Formats.fixed(kappa, 0) + ": ‖J^10^‖/ρ^10^ = "
                        + Formats.adoc(growth, 3) + "; (‖J^2000^‖)^1/2000^/ρ = " + Formats.adoc(rate, 4),
                Verdict.forTrend(growth, rate), "powerNormFollowsSpectralRadiusOnlyInRate",
                "Only the rate holds: ‖J^k^‖^1/k^ → ρ(J) (Gelfand). What bounds the prefactor is "
                        + "ρ^k^ ≤ ‖J^k^‖ ≤ κ(P)·ρ^k^; a non-normal J can grow by orders of magnitude before it decays, even with ρ < 1."));
        l.value("power-norm", Formats.adoc(growth, 3));
        l.value("power-norm", "kappa", Formats.fixed(kappa, 0));
        double regimes = ProductClaims.worstDiagonalisablePowerViolation(4, 300, 200, 15);
        double jordan = ProductClaims.unitJordanPowerNorm(100);
        l.add(new LedgerRow("three-regimes", "000 §1",
                "For a constant diagonalisable J: ρ > 1 explodes, ρ < 1 vanishes, ρ = 1 stays bounded", "trichotomy",
                "largest violation of ρ^k^ ≤ ‖J^k^‖ ≤ κ(P)ρ^k^ (nats), 300 random J, k ≤ 200: " + Formats.adoc(regimes, 2)
                        + "; Jordan block (1, 1; 0, 1): ‖J^100^‖ = " + Formats.fixed(jordan, 1),
                Verdict.forStatement(regimes <= 0), "threeRegimesHoldForDiagonalisableJacobians",
                "Holds under the text's assumption. Without it, ρ = 1 need not stay bounded: the Jordan block grows linearly."));
        l.value("three-regimes", "jordan", Formats.fixed(jordan, 1));
        double gradientNorm = 12;
        double theta = 5;
        double[] clip = Claims.clipOutcome(gradientNorm, theta, 13);
        double[] kept = Claims.clipOutcome(3, 5, 14);
        l.add(new LedgerRow("clip-rule", "000 §2, 004",
                "Clipping rescales g to norm θ when ‖g‖ > θ and leaves it alone otherwise; the direction is kept",
                "‖g′‖ = min(‖g‖, θ)", "‖g‖ = 12, θ = 5: ‖g′‖ = " + Formats.fixed(clip[0], 9) + ", cos(g, g′) = "
                        + Formats.fixed(clip[1], 9) + "; ‖g‖ = 3: ‖g′‖ = " + Formats.fixed(kept[0], 9),
                Verdict.forStatement(Math.abs(clip[0] - 5) < 1e-9 && Math.abs(clip[1] - 1) < 1e-9 && Math.abs(kept[0] - 3) < 1e-9),
                "clippingCapsTheNormAndKeepsTheDirection", "Measured with the bptt module's global-norm clipping."));
        l.value("clip-rule", Formats.fixed(clip[0], 9));
        l.value("clip-rule", "norm", Formats.fixed(gradientNorm, 0));
        l.value("clip-rule", "theta", Formats.fixed(theta, 0));
    }

    private static void addAdding(Ledger l, java.nio.file.Path root) {
        double[] b;
        double[] o;
        try {
            b = AddingResults.vanillaBoundary(root);
            o = AddingResults.boundary(AddingResults.orthogonalSweep(root));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        l.add(new LedgerRow("adding-vanilla", "000 §2",
                "A vanilla RNN cannot solve the adding problem beyond about 10 steps", "≈ 10",
                "solved (test MSE < 0.1 × baseline) up to T = " + (int) b[0] + " (PyTorch default) / " + (int) o[0]
                        + " (orthogonal); failed (> 0.5 × baseline) from T = " + (int) b[1] + " / " + (int) o[1]
                        + (b[2] == 1 && o[2] == 1 ? "" : ", not monotone"),
                addingVerdict(10, b, o), "vanillaRnnFailsTheAddingProblemBeyondAboutTenSteps",
                "One seed per length, from `adding-vanilla/summary.csv` and `adding-vanilla-orthogonal/summary.csv` "
                        + "(<<experiments>>). Rule: holds if no initialisation solves a length above the stated one, "
                        + "approximately if none solves beyond twice it and all fail from four times it."));
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

    private static void addClipping(Ledger l, java.nio.file.Path root) {
        double[] c;
        try {
            c = clippingOutcome(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        l.add(new LedgerRow("clipping-prevents-divergence", "000 §2, 002 clipping",
                "Exploding gradients end training in NaN; clipping the norm prevents that", "diverges / completes",
                "exploding start: unclipped run stopped at step " + (int) c[0] + " of " + (int) c[3]
                        + " on a non-finite gradient; clipped run completed " + (int) c[2] + " of " + (int) c[3],
                Verdict.forStatement(c[1] == 1 && c[0] < c[3] && c[2] == c[3]), "clippingKeepsAnExplodingRunFinite",
                "From `docs/src/data/exploding-clipping/summary.csv` (<<experiments>>)."));
        l.add(new LedgerRow("nan-few-steps", "001 exploding",
                "Exploding gradients usually end in loss = NaN within a few training steps", "a few steps",
                "unclipped run from an exploding start: non-finite gradient at step " + (int) c[0] + " of " + (int) c[3],
                Verdict.forStatement(c[1] == 1 && c[0] <= Text001.FEW_STEPS), "unclippedRunSurvivesHundredsOfSteps",
                "It does end in NaN, but only after " + (int) c[0] + " steps of one recorded run; how soon depends on "
                        + "the learning rate and on when a batch first hits the exploding direction."));
        l.value("nan-few-steps", Integer.toString((int) c[0]));
    }
}
