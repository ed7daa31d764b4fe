package org.rnngradients.docs;

import org.rnngradients.analysis.cli.csv.CsvTable;

/** Ledger rows for text 004 (three problems, local Jacobian, spectral norm, γ, clipping, remedies). */
final class Text004 {

    private Text004() {
    }

    private static void addInitialisation(Ledger l) {
        double[] xavier = LyapunovChapter.initialisationStudy(org.rnngradients.linalg.Initialiser.xavierUniform(1));
        double[] he = LyapunovChapter.initialisationStudy(org.rnngradients.linalg.Initialiser.he());
        double eps = org.rnngradients.analysis.Regime.DEFAULT_EPSILON;
        l.add(new LedgerRow("xavier-he-edge", "004 remedies",
                "Xavier and He initialisation keep γ near one, at the edge between vanishing and exploding", "γ ≈ 1, λ~1~ ≈ 0",
                "tanh RNN, N = " + LyapunovChapter.N + ", mean of " + LyapunovChapter.DRAWS + ": Xavier γ = "
                        + Formats.fixed(xavier[0], 2) + ", ρ(W) = " + Formats.fixed(xavier[1], 2) + ", λ~1~ = "
                        + Formats.fixed(xavier[2], 3) + "; He γ = " + Formats.fixed(he[0], 2) + ", ρ(W) = "
                        + Formats.fixed(he[1], 2) + ", λ~1~ = " + Formats.fixed(he[2], 3)
                        + "; PyTorch default (the lab's) γ = " + Formats.fixed(LyapunovChapter.initialisationStudy(
                                org.rnngradients.linalg.Initialiser.pytorchDefault(Lab.HIDDEN))[0], 2),
                Verdict.forStatement(Math.abs(xavier[0] - 1) < 0.25 && Math.abs(he[0] - 1) < 0.25
                        && Math.abs(xavier[2]) <= eps && Math.abs(he[2]) <= eps),
                "xavierAndHeSetTheSpectralRadiusNotGamma",
                "Variance-preserving initialisation puts ρ(W) near 1 (Xavier) or √2 (He), not the spectral norm: γ is "
                        + "about " + Formats.fixed(xavier[0], 1) + " and " + Formats.fixed(he[0], 1) + ". For a tanh RNN the Xavier point lies "
                        + (xavier[2] < -eps ? "on the vanishing side" : xavier[2] > eps ? "on the exploding side" : "in the marginal band")
                        + " (ε = " + eps + ")."));
        l.value("xavier-he-edge", "xavier-gamma", Formats.fixed(xavier[0], 2));
        l.value("xavier-he-edge", "xavier-rho", Formats.fixed(xavier[1], 2));
        l.value("xavier-he-edge", "xavier-lambda", Formats.fixed(xavier[2], 3));
        l.value("xavier-he-edge", "he-gamma", Formats.fixed(he[0], 2));
        l.value("xavier-he-edge", "he-rho", Formats.fixed(he[1], 2));
        l.value("xavier-he-edge", "he-lambda", Formats.fixed(he[2], 3));
        double[] pytorch = LyapunovChapter.initialisationStudy(org.rnngradients.linalg.Initialiser.pytorchDefault(Lab.HIDDEN));
        l.value("xavier-he-edge", "pytorch-gamma", Formats.fixed(pytorch[0], 2));
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

    private static void addCostAndClipping(Ledger l, java.nio.file.Path root) {
        double[] m = memoryPerStepSpread(root);
        l.add(new LedgerRow("bptt-memory-linear", "004 three problems",
                "Full BPTT stores every step, so its memory grows linearly with T", "O(T)",
                "recorded LSTM runs, T = " + (int) m[1] + " to " + (int) m[2] + ": stored bytes per step vary by "
                        + Formats.adoc(m[0], 2) + " (relative)",
                Verdict.forStatement(m[0] < 0.05), "fullBpttMemoryIsLinearInSequenceLength",
                "From `checkpoint-memory-full/memory.csv` (<<experiments>>); the per-step record is the same at every length."));
        l.value("bptt-memory-linear", Formats.adoc(m[0], 2));
        double worst = 0;
        for (double norm : new double[] {1e-12, 1e-6, 0.01, 0.5, 3, 12}) {
            worst = Math.max(worst, Claims.clipOutcome(norm, 5, 61)[0] / norm);
        }
        l.add(new LedgerRow("clipping-no-vanishing", "000 §2, 004",
                "Clipping does nothing for vanishing gradients", "never amplifies",
                "largest ‖g′‖/‖g‖ for ‖g‖ from 10^−12^ to 12, θ = 5: " + Formats.fixed(worst, 12),
                Verdict.forStatement(worst <= 1 + 1e-12), "clippingNeverEnlargesAGradient",
                "Clipping only scales down, so a vanished gradient stays vanished."));
        l.value("clipping-no-vanishing", Formats.fixed(worst, 12));
    }

    static void add(Ledger l, java.nio.file.Path root) {
        addCostAndClipping(l, root);
        double adjoint = OrientationClaims.adjointStepError(5, 62);
        l.add(new LedgerRow("adjoint-recursion", "004 recurrent term",
                "The error signal obeys δ~t−1~ = W~hh~ᵀ diag(φ′(z~t~)) δ~t~ + ∂L~t−1~/∂h~t−1~", "equality",
                "tanh, n = 5, against central finite differences of the loss: max relative error " + Formats.adoc(adjoint, 2),
                Verdict.forStatement(adjoint < 1e-6), "adjointRecursionMatchesFiniteDifferences", ""));
        l.value("adjoint-recursion", Formats.adoc(adjoint, 2));
        double sig = Claims.supOnGrid(Claims::sigmoidDerivative, 10, 20001);
        l.number("sigmoid-sup", "004 norm bound", "sup σ′ = 1/4", "1/4", 0.25, 6, sig, "sigmoidDerivativeIsAtMostAQuarter", "");
        double tanh = Claims.supOnGrid(Claims::tanhDerivative, 10, 20001);
        l.number("tanh-sup", "004 norm bound", "sup tanh′ = 1", "1", 1, 6, tanh, "tanhDerivativeIsAtMostOne", "");
        int trials = 500;
        double diag = TrajectoryClaims.worstDiagonalNormGap(6, trials, 41);
        l.add(new LedgerRow("diag-norm", "004 norm bound", "‖diag(d)‖~2~ = max abs(d~i~)", "equality",
                "largest gap over 500 random cases: " + Formats.adoc(diag, 2), Verdict.forStatement(diag < 1e-12),
                "diagonalNormIsLargestEntry", ""));
        l.value("diag-norm", Formats.adoc(diag, 2));
        l.value("diag-norm", "trials", Integer.toString(trials));
        double sv = ProductClaims.worstSpectralNormIdentityError(5, trials, 42);
        l.add(new LedgerRow("sigma-max", "004 spectral norm", "σ~max~(W) = √λ~max~(WᵀW)", "equality",
                "largest relative gap over 500 random W: " + Formats.adoc(sv, 2), Verdict.forStatement(sv < 1e-10),
                "spectralNormIsRootOfLargestGramEigenvalue", ""));
        l.value("sigma-max", Formats.adoc(sv, 2));
        double growingNorm = 1.3;
        double excess = TrajectoryClaims.worstGammaExcess(8, 60, growingNorm, 43);
        l.add(new LedgerRow("gamma-bound", "004 norm bound",
                "Along a tanh trajectory, ‖J~t~⋯J~k+1~‖ ≤ γ^t−k^ with γ = ‖W‖·sup abs(φ′)", "excess ≤ 0",
                "largest ln‖∏J‖ − t ln γ over 60 steps (‖W‖ = 1.3): " + Formats.adoc(excess, 3),
                Verdict.forStatement(excess <= 1e-12), "jacobianProductStaysBelowGammaPower", ""));
        l.value("gamma-bound", Formats.adoc(excess, 3));
        l.value("gamma-bound", "norm", Double.toString(growingNorm));
        double shrinkingNorm = 0.9;
        double vanish = TrajectoryClaims.worstGammaExcess(8, 60, shrinkingNorm, 44);
        l.add(new LedgerRow("norm-below-one", "004 vanishing",
                "With tanh, ‖W‖ < 1 already forces vanishing (γ < 1)", "‖∏J‖ ≤ 0.9^t^",
                "largest ln‖∏J‖ − t ln 0.9 over 60 steps: " + Formats.adoc(vanish, 3),
                Verdict.forStatement(vanish <= 1e-12), "normBelowOneForcesVanishingWithTanh", ""));
        l.value("norm-below-one", Formats.adoc(vanish, 3));
        l.value("norm-below-one", "norm", Double.toString(shrinkingNorm));
            double shrink = Lab.reluIdentityRate(0.8, 45);
        double grow = Lab.reluIdentityRate(1.2, 46);
        addInitialisation(l);
        l.add(new LedgerRow("relu-matrix-decides", "004 remedies",
                "A non-saturating activation (ReLU) does not settle it: the recurrent matrix still amplifies or suppresses",
                "both remain possible", "ReLU, W~hh~ = g·I, all units active: g = 0.8 loses " + Formats.fixed(shrink, 2)
                        + ", g = 1.2 gains " + Formats.fixed(-grow, 2) + " orders per 10 steps",
                Verdict.forStatement(shrink > 0.5 && grow < -0.5), "reluLeavesTheRecurrentMatrixInCharge",
                "Closed form: 10·log~10~(1/g) orders lost per 10 steps (negative: gained)."));
        l.value("relu-matrix-decides", "loss", Formats.fixed(shrink, 2));
        l.value("relu-matrix-decides", "gain", Formats.fixed(-grow, 2));
    }
}
