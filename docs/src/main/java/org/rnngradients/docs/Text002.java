package org.rnngradients.docs;

/** Ledger rows for text 002 (the BPTT derivation, saturation, the gated path, the lab). */
final class Text002 {

    private Text002() {
    }

    static void add(Ledger l, java.nio.file.Path root) {
        addCorpus(l, root);
        l.number("pow-07-20", "002 three cases", "0.7^20^ ≈ 8×10^−4^", "8×10^−4^", 8e-4, 1,
                Claims.scaledIdentityPowerNorm(0.7, 20, 3), "sevenTenthsToTheTwentieth", "");
        l.number("pow-15-20", "002 three cases", "1.5^20^ ≈ 3300", "3300", 3300, 2,
                Claims.scaledIdentityPowerNorm(1.5, 20, 3), "threeHalvesToTheTwentieth", "");
        double radius = Claims.orthogonalSpectralRadius(16, 21);
        double smallest = Claims.orthogonalSmallestModulus(16, 21);
        l.add(new LedgerRow("orthogonal-radius", "002 three cases",
                "Orthogonal initialisation gives abs(λ~max~) = 1", "1",
                "ρ = " + Formats.fixed(radius, 12) + ", smallest abs(λ) = " + Formats.fixed(smallest, 12),
                Verdict.forNumber(1, 10, radius), "orthogonalInitialisationHasUnitSpectralRadius",
                "Every eigenvalue of an orthogonal matrix has modulus 1, not only the largest."));
        l.value("orthogonal-radius", Formats.adoc(Math.max(Math.abs(1 - radius), Math.abs(1 - smallest)), 1));
        l.number("tanh-3", "002 saturation", "tanh(3) ≈ 0.995", "0.995", 0.995, 3, Math.tanh(3),
                "tanhOfThree", "");
        l.number("tanh-squared-3", "002 saturation", "tanh²(3) ≈ 0.99", "0.99", 0.99, 2,
                Math.tanh(3) * Math.tanh(3), "tanhSquaredOfThree", "");
        l.number("tanh-prime-3", "002 saturation", "tanh′(±3) ≈ 0.01", "0.01", 0.01, 1,
                Claims.tanhDerivative(3), "tanhDerivativeAtThree", "");
        l.number("tanh-prime-0", "002 saturation", "tanh′(0) = 1", "1", 1, 6, Claims.tanhDerivative(0),
                "tanhDerivativeAtZeroIsOne", "");
        int size = 12;
        int powers = 400;
        double rate = TrajectoryClaims.powerIterationRateRatio(size, powers, 53);
        l.add(new LedgerRow("power-iteration", "002 why",
                "For generic v and large k, ‖W^k^ v‖ behaves like abs(λ~max~)^k^ ‖v‖", "rate = abs(λ~max~)",
                "random 12×12 W, k = 400: ‖W^k^v‖^1/k^ / ρ(W) = " + Formats.fixed(rate, 4),
                Verdict.forStatement(Math.abs(rate - 1) < 0.02), "powerIterationGrowsAtTheSpectralRadius",
                "The rate holds; the prefactor depends on v and on the eigenvector basis (see <<claim-power-norm>>)."));
        l.value("power-iteration", Formats.fixed(rate, 4));
        l.value("power-iteration", "size", Integer.toString(size));
        l.value("power-iteration", "steps", Integer.toString(powers));
        l.number("drill-orders", "002 drill", "(0.7 I)^20^ is three orders of magnitude below I", "3", 3, 1,
                -Math.log10(Claims.scaledIdentityPowerNorm(0.7, 20, 5)), "drillLosesThreeOrdersInTwentySteps", "");
        double gru = GateClaims.distanceFromIdentity(org.rnngradients.cells.CellKind.GRU, 12, 51);
        l.add(new LedgerRow("gru-identity", "002 gated path",
                "When the GRU's gate keeps the old state, ∂h~t~/∂h~t−1~ ≈ I", "≈ I",
                "max abs(J − I) with z ≈ 1 (our convention): " + Formats.adoc(gru, 2),
                Verdict.forStatement(gru < 1e-3), "gruJacobianIsNearIdentityWhenTheGateKeepsTheState",
                "Text 002's z ≈ 0 is PyTorch's z ≈ 1 (<<conventions>>)."));
        l.value("gru-identity", Formats.adoc(gru, 2));
        double lstm = GateClaims.distanceFromIdentity(org.rnngradients.cells.CellKind.LSTM, 12, 52);
        l.add(new LedgerRow("lstm-identity", "002 gated path",
                "With f~t~ ≈ 1 and i~t~ ≈ 0 the LSTM cell state passes through: ∂c~t~/∂c~t−1~ ≈ I", "≈ I",
                "max abs(∂c~t~/∂c~t−1~ − I): " + Formats.adoc(lstm, 2),
                Verdict.forStatement(lstm < 1e-3), "lstmCellStateJacobianIsNearIdentityWhenForgetGateIsOpen", ""));
        l.value("lstm-identity", Formats.adoc(lstm, 2));
        addLab(l);
        double stepError = OrientationClaims.productErrors(4, 2, 17)[0];
        l.add(new LedgerRow("step-jacobian", "002 why",
                "For a tanh RNN, ∂h~t~/∂h~t−1~ = diag(1 − tanh²(z~t~)) W~hh~", "equality",
                "max relative error against central finite differences (n = 4): " + Formats.adoc(stepError, 2),
                Verdict.forStatement(stepError < 1e-6), "stepJacobianMatchesFiniteDifferences",
                "The central formula of texts 000, 002, 003 and 004; the cells module's own tests check every cell's Jacobian the same way."));
        l.value("step-jacobian", Formats.adoc(stepError, 2));
    }

    private static void addCorpus(Ledger l, java.nio.file.Path root) {
        double[] b;
        try {
            b = AddingResults.vanillaBoundary(root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int shortMax = 12;
        double[] vanilla = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH);
        int flow = 8;
        double eightSteps = vanilla[Lab.T - 1] - vanilla[Lab.T - 1 - flow];
        l.add(new LedgerRow("short-sequences", "002 corpus",
                "On sequences of 6 to 12 tokens (about 8 steps of gradient flow) vanishing is not a serious problem",
                "learns fine", "vanilla RNN on the adding problem: solved up to T = " + (int) b[0] + ", first failure at T = "
                        + (int) b[1] + "; lab: " + flow + " steps back cost " + Formats.fixed(eightSteps, 1) + " orders of magnitude",
                Verdict.forStatement(b[0] >= 10 && b[1] > shortMax), "shortSequencesAreLearnedDespiteTheDecay",
                "The gradient is already orders of magnitude smaller " + flow + " steps back, yet short dependencies are learned: "
                        + "the loss of signal is real but not yet fatal."));
        l.value("short-sequences", Formats.fixed(eightSteps, 1));
        double step1 = vanilla[0];
        double step30 = vanilla[29];
        l.add(new LedgerRow("step-30-vs-1", "002 corpus",
                "Stretched task: at step 30 the gradient's norm lies orders of magnitude below its value at step 1",
                "‖·‖ at t = 30 ≪ at t = 1", "lab, loss at t = " + Lab.T + ": log~10~ norm " + Formats.fixed(step30, 1)
                        + " at t = 30, " + Formats.fixed(step1, 1) + " at t = 1",
                Verdict.forStatement(step30 < step1 - 1), "gradientAtStepThirtyIsLargerThanAtStepOne",
                "With the loss at the end, the early steps are the far ones: t = 1 is the smaller. The intended reading, "
                        + "30 steps back against 1 step back, holds (<<claim-typical-init>>)."));
    }

    private static void addLab(Ledger l) {
        double[] vanilla = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.RNN_TANH);
        double[] gru = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.GRU);
        double[] lstm = Lab.meanLog10Profile(org.rnngradients.cells.CellKind.LSTM);
        double rv = Lab.ordersLostPerTenSteps(vanilla);
        double rg = Lab.ordersLostPerTenSteps(gru);
        double rl = Lab.ordersLostPerTenSteps(lstm);
        l.number("lab-vanilla", "002 lab", "Vanilla RNN: about 3 orders of magnitude lost per 10 steps", "~3", 3, 1, rv,
                "labVanillaLosesAboutThreeOrdersPerTenSteps", "Fitted over t = 1..50, PyTorch default initialisation.");
        l.number("lab-gru", "002 lab", "GRU: about 1 order of magnitude per 10 steps", "~1", 1, 1, rg,
                "gruAtDefaultInitLosesAboutTwoOrdersPerTenSteps",
                "At PyTorch's default initialisation the update gate sits near 1/2. The text's figure appears once the "
                        + "update gate is biased by +1 towards keeping the state: then " + Formats.fixed(Lab.ordersLostPerTenSteps(
                                Lab.meanLog10Profile(org.rnngradients.cells.CellKind.GRU, 1)), 2) + " orders per 10 steps.");
        l.add(new LedgerRow("lab-lstm", "002 lab", "LSTM: similar to the GRU", "≈ GRU",
                Formats.fixed(rl, 2) + " vs " + Formats.fixed(rg, 2) + " orders per 10 steps",
                Verdict.forStatement(Math.abs(rl - rg) < 0.5), "labLstmDecaysLikeTheGru", ""));
        double back10 = vanilla[Lab.T - 11] - vanilla[Lab.T - 1];
        double back30 = vanilla[Lab.T - 31] - vanilla[Lab.T - 1];
        l.add(new LedgerRow("typical-init", "001 core problem",
                "With typical initialisation, gradients from more than 10 to 30 steps back are effectively zero",
                "≈ 0 beyond 10–30 steps", "vanilla lab, change of log~10~ norm: 10 steps back " + Formats.fixed(back10, 1)
                        + ", 30 steps back " + Formats.fixed(back30, 1),
                Verdict.forStatement(back10 < -1 && back30 < -5), "typicalInitialisationLosesTheSignalWithinTensOfSteps",
                "Measured for PyTorch's default initialisation; an orthogonal W~hh~ decays more slowly (<<experiments>>)."));
        l.value("typical-init", Formats.fixed(-back30, 1));
        l.add(new LedgerRow("vanilla-vanishes", "000 §1",
                "Vanilla tanh RNNs are dominated by vanishing rather than exploding gradients", "vanishing",
                "lab decay " + Formats.fixed(rv, 2) + " orders per 10 steps",
                Verdict.forStatement(rv > 0), "vanillaTanhRnnVanishesAtDefaultInitialisation",
                "At default initialisation; <<lyapunov>> shows the exploding side appears only for recurrent gains well above 1."));
        double lost = LabChapter.ordersLostAt20(vanilla);
        l.add(new LedgerRow("lab-zero-at-20", "002 lab",
                "Vanilla RNN: at t = 20, 30 steps from the loss, the gradient cannot be told apart from zero",
                "≈ 0 in floating point", "norm at t = 20 relative to t = 50: 10^−" + Formats.fixed(lost, 1)
                        + "^; unit roundoff 2^−24^ ≈ 10^−7.2^ (float32), 2^−53^ ≈ 10^−16^ (double)",
                Verdict.forRelativeSize(-lost), "labVanillaGradientAtTwentyIsBelowFloat32Resolution",
                "Relative to the contributions near the loss, the one from t = 20 is below float32's resolution, so "
                        + "in single precision (PyTorch's default) it is lost when the sum over t forms ∂L/∂W~hh~; "
                        + "in double it still counts."));
        l.value("lab-zero-at-20", "float32", Formats.fixed(Verdict.LOG10_FLOAT_ROUNDOFF, 1));
        double gruLost = LabChapter.ordersLostAt20(gru);
        l.add(new LedgerRow("lab-gru-nonzero-at-20", "002 lab",
                "GRU: at t = 20 the gradient is small but nonzero", "small, nonzero",
                "norm at t = 20 relative to t = 50: 10^−" + Formats.fixed(gruLost, 1) + "^",
                Verdict.forStatement(gruLost > 1 && Verdict.forRelativeSize(-gruLost) == Verdict.FALSE),
                "gruGradientAtTwentyIsSmallButAboveFloat32Resolution",
                "Orders of magnitude below the value at the loss, yet above float32's unit roundoff."));
        l.value("lab-gru-nonzero-at-20", Formats.fixed(gruLost, 1));
    }
}
