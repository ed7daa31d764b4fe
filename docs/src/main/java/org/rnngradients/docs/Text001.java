package org.rnngradients.docs;

/** Ledger rows for text 001 (multiplicative decay and long-range dependence). */
final class Text001 {

    private Text001() {
    }

    /** The ρ table of text 001: rows T = 10, 30, 100; columns ρ = 0.9, 0.8, 0.7; null stands for "≈ 0". */
    static final int[] TABLE_T = {10, 30, 100};
    static final double[] TABLE_RHO = {0.9, 0.8, 0.7};
    static final double[][] TABLE_STATED = {{0.387, 0.107, 0.028}, {0.042, 0.001, 7e-5}, {2.7e-5, 0, 0}};
    static final int[][] TABLE_DIGITS = {{3, 3, 2}, {2, 1, 1}, {2, 0, 0}};
    static final String[][] TABLE_TEXT = {{"0.387", "0.107", "0.028"}, {"0.042", "0.001", "7×10^−5^"},
        {"2.7×10^−5^", "≈ 0", "≈ 0"}};

    static void add(Ledger l) {
        l.number("pow-12-10", "001 refresher", "1.2^10^ ≈ 6.2", "6.2", 6.2, 2,
                Claims.scaledIdentityPowerNorm(1.2, 10, 2), "twelveTenthsToTheTenth", "");
        l.number("pow-07-10", "001 refresher", "0.7^10^ ≈ 0.028", "0.028", 0.028, 2,
                Claims.scaledIdentityPowerNorm(0.7, 10, 2), "sevenTenthsToTheTenth", "");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                addTableCell(l, i, j);
            }
        }
        int steps13 = Claims.tokenDistance(Claims.CAT_SENTENCE, "cat", "hungry");
        l.add(new LedgerRow("cat-distance", "001 example",
                "In the cat sentence, \"cat\" lies 12 tokens back from the prediction of \"hungry\"", "12",
                steps13 + " backward steps", Verdict.forNumber(12, 2, steps13),
                "catIsThirteenStepsBeforeHungry",
                "Twelve words lie strictly between _cat_ and _was_, so " + steps13 + " step Jacobians separate "
                        + "the state that read _cat_ from the one that predicts _hungry_; the text's next sentence "
                        + "counts those " + steps13 + " steps."));
        l.value("cat-distance", "between", Integer.toString(Claims.tokenDistance(Claims.CAT_SENTENCE, "cat", "was")));
        l.number("pow-08-13", "001 example", "0.8^13^ ≈ 0.055", "0.055", 0.055, 2,
                Claims.scaledIdentityPowerNorm(0.8, 13, 2), "eightTenthsToTheThirteenth", "");
        l.number("twenty-times", "001 example", "The update is 20× smaller than for a one-step dependency",
                "20×", 20, 1, 1 / Claims.scaledIdentityPowerNorm(0.8, 13, 2), "thirteenStepsAtEightTenthsIsAboutTwentyTimesSmaller",
                "The factor is 1/0.8^13^ (relative to no decay), which rounds to 20 at one significant digit.");
        int steps = ProductClaims.stepsToReach(1.5, 1e6);
        int needed = (int) Math.ceil(Math.pow(10, 6.0 / FEW_STEPS));
        l.add(new LedgerRow("explode-few-steps", "001 exploding",
                "With ρ > 1 gradients reach millions or billions within a few steps", "a few steps",
                steps + " steps for 1.5^k^ to pass 10^6^", Verdict.forStatement(steps <= FEW_STEPS),
                "explodingToAMillionTakesDozensOfStepsAtOnePointFive",
                "Reading \"a few\" as at most " + FEW_STEPS + ": a million takes k = 6/log~10~ρ steps, "
                        + ProductClaims.stepsToReach(1.1, 1e6) + " at ρ = 1.1, and within " + FEW_STEPS
                        + " steps only for ρ ≥ 10^0.6^ ≈ " + needed + "."));
        addUnboundedGrowth(l);
        double[] e = OrientationClaims.productErrors(4, 8, 16);
        l.add(new LedgerRow("orientation", "001 core problem",
                "With J~t~ = W~h~ᵀ diag(tanh′(z~t~)), ∂h~T~/∂h~1~ = J~T~ J~T−1~ ⋯ J~2~", "equality",
                "tanh RNN, n = 4, T = 8, against finite differences: diag(tanh′)W in this order, max relative error "
                        + Formats.adoc(e[0], 2) + "; W~h~ᵀ diag(tanh′) in this order, relative norm gap " + Formats.adoc(e[1], 2),
                Verdict.forStatement(e[1] < 1e-6), "textOrientationMixesTransposeWithForwardOrder",
                "W~h~ᵀ diag(tanh′) is J~t~ᵀ. The product of transposes equals (∂h~T~/∂h~1~)ᵀ only in reversed order, "
                        + "J~2~ᵀ ⋯ J~T~ᵀ; in the text's order it is neither the Jacobian nor its transpose."));
        l.value("orientation", Formats.fixed(100 * e[1], 0) + " %");
    }

    /** "A few steps", read generously: at most this many. */
    static final int FEW_STEPS = 10;

    private static void addUnboundedGrowth(Ledger l) {
        double lambda = LyapunovChapter.meanLargest(1.5);
        double rho = LyapunovChapter.meanRecurrentRadius(1.5);
        l.add(new LedgerRow("radius-explodes", "001 exploding",
                "If ρ(W~h~) > 1 the product of Jacobians grows without bound", "grows without bound",
                "tanh RNN, W ~ N(0, 1.5²/N): mean ρ(W) = " + Formats.fixed(rho, 2) + ", mean λ~1~ = "
                        + Formats.fixed(lambda, 3) + " nats/step",
                Verdict.forStatement(lambda > org.rnngradients.analysis.Regime.DEFAULT_EPSILON),
                "spectralRadiusAboveOneDoesNotMakeATanhRnnExplode",
                "True for a linear map. With tanh, saturation pulls the step Jacobians below W: with ρ(W) above 1.5 the "
                        + "top Lyapunov exponent is still below ε = "
                        + org.rnngradients.analysis.Regime.DEFAULT_EPSILON + ", so the network does not explode on "
                        + "average (<<lyapunov>>)."));
        l.value("radius-explodes", Formats.fixed(lambda, 3));
        l.value("radius-explodes", "rho", Formats.fixed(rho, 2));
    }
    private static void addTableCell(Ledger l, int i, int j) {
        int t = TABLE_T[i];
        double rho = TABLE_RHO[j];
        double measured = Claims.scaledIdentityPowerNorm(rho, t, 2);
        String id = "table-" + t + "-" + (int) Math.round(rho * 10);
        String claim = "ρ table, T = " + t + ", ρ = " + rho;
        String test = "rhoTableCell" + t + "x" + (int) Math.round(rho * 10);
        if (TABLE_DIGITS[i][j] == 0) {
            l.add(new LedgerRow(id, "001 table", claim, TABLE_TEXT[i][j], Formats.adoc(measured, 3),
                    Verdict.forNegligible(measured), test, "Tiny but not zero: a double holds it easily."));
            return;
        }
        String note = "";
        double minusOne = Claims.scaledIdentityPowerNorm(rho, t - 1, 2);
        Verdict v = Verdict.forNumber(TABLE_STATED[i][j], TABLE_DIGITS[i][j], measured);
        if (v != Verdict.HOLDS) {
            note = "ρ^T^ = " + Formats.adoc(measured, 3) + " and ρ^T−1^ = " + Formats.adoc(minusOne, 3)
                    + (Verdict.forNumber(TABLE_STATED[i][j], TABLE_DIGITS[i][j], minusOne) == Verdict.HOLDS
                    ? ": the printed value is ρ^T−1^ (the text's formula), unlike the other cells, which use ρ^T^."
                    : ": the printed value matches neither.");
        }
        l.number(id, "001 table", claim, TABLE_TEXT[i][j], TABLE_STATED[i][j], TABLE_DIGITS[i][j], measured, test, note);
    }
}
