package org.rnngradients.docs;

/** Ledger rows for text 002 (the BPTT derivation, saturation, the gated path, the lab). */
final class Text002 {

    private Text002() {
    }

    static void add(Ledger l) {
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
        l.number("tanh-3", "002 saturation", "tanh(3) ≈ 0.995", "0.995", 0.995, 3, Math.tanh(3),
                "tanhOfThree", "");
        l.number("tanh-squared-3", "002 saturation", "tanh²(3) ≈ 0.99", "0.99", 0.99, 2,
                Math.tanh(3) * Math.tanh(3), "tanhSquaredOfThree", "");
        l.number("tanh-prime-3", "002 saturation", "tanh′(±3) ≈ 0.01", "0.01", 0.01, 1,
                Claims.tanhDerivative(3), "tanhDerivativeAtThree", "");
        l.number("tanh-prime-0", "002 saturation", "tanh′(0) = 1", "1", 1, 6, Claims.tanhDerivative(0),
                "tanhDerivativeAtZeroIsOne", "");
        l.number("drill-orders", "002 drill", "(0.7 I)^20^ is three orders of magnitude below I", "3", 3, 1,
                -Math.log10(Claims.scaledIdentityPowerNorm(0.7, 20, 5)), "drillLosesThreeOrdersInTwentySteps", "");
    }
}
