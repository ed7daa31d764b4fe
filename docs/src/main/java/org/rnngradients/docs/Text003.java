package org.rnngradients.docs;

import org.ejml.data.DMatrixRMaj;

/** Ledger rows for text 003 (the Jacobian product bound, tight and loose cases, Lyapunov exponents). */
final class Text003 {

    private Text003() {
    }

    /** Units, steps and forget-gate bias of the gated-product row. */
    static final int GATE_UNITS = 8;
    static final int GATE_STEPS = 50;
    static final double GATE_BIAS = 6;
    /** Smallest pre-activation modulus of the saturated-orthogonal row. */
    static final double SATURATION_ZMIN = 0.1;

    static void add(Ledger l) {
        int products = 1000;
        double bound = TrajectoryClaims.worstProductBoundRatio(4, products, 31);
        l.add(new LedgerRow("product-bound", "003 claim", "‖J~T~⋯J~1~‖ ≤ ∏‖J~t~‖", "ratio ≤ 1",
                "largest ratio over 1000 random products: " + Formats.adoc(bound, 4),
                Verdict.forStatement(bound <= 1 + 1e-12), "productNormIsAtMostProductOfNorms", ""));
        l.value("product-bound", Formats.adoc(bound, 4));
        l.value("product-bound", "trials", Integer.toString(products));
        double beta = 1.1;
        double eps = 0.5;
        int steps = 20;
        double tight = ProductClaims.boundRatio(ProductClaims.aligned(beta, eps, steps));
        l.add(new LedgerRow("bound-tight", "003 setup", "The bound is attained when singular directions line up",
                "ratio = 1", "20 × diag(1.1, 0.5): " + Formats.fixed(tight, 12),
                Verdict.forNumber(1, 10, tight), "boundIsAttainedForAlignedSingularVectors", ""));
        l.value("bound-tight", Formats.fixed(tight, 12));
        l.value("bound-tight", "steps", Integer.toString(steps));
        l.value("bound-tight", "beta", Double.toString(beta));
        l.value("bound-tight", "eps", Double.toString(eps));
        double loose = ProductClaims.boundRatio(ProductClaims.crossed(beta, eps, steps));
        l.add(new LedgerRow("bound-loose", "003 loose", "The bound is loose when singular directions are orthogonal",
                "ratio ≪ 1", "alternating diag(1.1, 0.5), diag(0.5, 1.1), 20 steps: " + Formats.adoc(loose, 3),
                Verdict.forStatement(loose < 1e-3), "boundIsLooseForCrossedSingularVectors", ""));
        l.value("bound-loose", Formats.adoc(loose, 3));
        DMatrixRMaj[] gated = ProductClaims.forgetGateProduct(GATE_UNITS, GATE_STEPS, GATE_BIAS, 37);
        double gatedRatio = ProductClaims.boundRatio(gated);
        double gatedNorm = ProductClaims.productNorm(gated);
        l.add(new LedgerRow("gating-looseness", "003 loose", "Gating exploits the looseness of the bound",
                "ratio ≪ 1", GATE_STEPS + " forget-gate Jacobians diag(σ(" + Formats.fixed(GATE_BIAS, 0)
                        + " + ξ)): ratio " + Formats.fixed(gatedRatio, 3) + ", ‖∏‖ = " + Formats.fixed(gatedNorm, 3),
                Verdict.forStatement(gatedRatio < 1e-3), "gatedProductMakesTheBoundNearlyTight",
                "The reverse: with f~t~ ≈ 1 every factor preserves norm, the bound itself stays near 1 and is nearly "
                        + "attained. The path helps because each factor is close to norm-preserving, not because the bound is loose."));
        l.value("gating-looseness", Formats.fixed(gatedRatio, 3));
        l.value("gating-looseness", "norm", Formats.fixed(gatedNorm, 3));
        l.value("gating-looseness", "steps", Integer.toString(GATE_STEPS));
        double sigma = 2.0;
        double weak = 0.1;
        double crossed = ProductClaims.sharedRightSingularVectorGrowth(sigma, weak, steps);
        l.add(new LedgerRow("shared-right-vector", "003 exploding",
                "If every J~t~ has the same top right-singular vector v with σ~1~ ≥ ρ > 1, then ‖J~T~⋯J~1~ v‖ ≥ ρ^T^",
                "≥ 2^20^ ≈ 10^6^", "J~t~ = R~90°~·diag(2, 0.1), T = 20: " + Formats.adoc(crossed, 3),
                Verdict.forStatement(crossed >= Math.pow(2, 20)), "sharedRightSingularVectorDoesNotForceGrowth",
                "Iterating needs J~t~ v to be the top right-singular vector of J~t+1~ (left vector of one step = "
                        + "right vector of the next), or a shared eigenvector (<<claim-common-eigenvector>>)."));
        l.value("shared-right-vector", Formats.adoc(crossed, 3));
        l.value("shared-right-vector", "sigma", Formats.fixed(sigma, 0));
        l.value("shared-right-vector", "weak", Double.toString(weak));
        l.value("shared-right-vector", "bound", Formats.adoc(Math.pow(sigma, steps), 3));
        double eig = ProductClaims.commonEigenvectorGrowthRatio(4, 15, 1.2, 300, 33);
        l.add(new LedgerRow("common-eigenvector", "003 claim",
                "A common eigendirection with abs(λ~t~) ≥ ρ > 1 makes the product grow at least like ρ^T^",
                "ratio ≥ 1", "smallest ‖∏J‖/ρ^T^ over 300 random cases: " + Formats.adoc(eig, 4),
                Verdict.forStatement(eig >= 1), "commonEigenvectorForcesGrowth", ""));
        l.value("common-eigenvector", Formats.adoc(eig, 4));
        double gap = ProductClaims.worstTransposeNormGap(500, 34);
        l.add(new LedgerRow("transpose", "003 implications",
                "The backward pass uses the transposed product, so it vanishes or explodes with the forward one",
                "‖Aᵀ‖ = ‖A‖", "largest relative gap over 500 random matrices: " + Formats.adoc(gap, 2),
                Verdict.forStatement(gap < 1e-12), "transposeHasTheSameSpectralNorm", ""));
        l.value("transpose", Formats.adoc(gap, 2));
        double adjointExcess = OrientationClaims.worstAdjointBoundExcess(6, 30, 200, 38);
        l.add(new LedgerRow("vanishing-gradient-bound", "003 vanishing",
                "If every ‖J~t~‖ ≤ β, then ‖∂L/∂h~0~‖ ≤ ‖∂L/∂h~T~‖ β^T^", "excess ≤ 0",
                "largest ln‖δ~0~‖ − ln(‖δ~T~‖β^T^) over 200 driven tanh trajectories, T = 30: " + Formats.adoc(adjointExcess, 3),
                Verdict.forStatement(adjointExcess <= 1e-12), "adjointObeysTheVanishingBound",
                "Exact: the backward pass applies the transposed product, whose norm is at most the product of the step norms."));
        l.value("vanishing-gradient-bound", Formats.adoc(adjointExcess, 3));
        double sat = TrajectoryClaims.saturatedOrthogonalStepNorm(8, SATURATION_ZMIN, 500, 35);
        l.add(new LedgerRow("saturated-orthogonal", "003 when",
                "With ‖W~hh~‖ = 1 and every unit off zero, ‖J~t~‖ < 1", "< 1",
                "largest ‖diag(tanh′(z))Q‖ with abs(z~i~) ≥ " + SATURATION_ZMIN + ": " + Formats.fixed(sat, 6),
                Verdict.forStatement(sat < 1), "saturationMakesAnOrthogonalStepContract", ""));
        l.value("saturated-orthogonal", Formats.fixed(sat, 6));
        l.value("saturated-orthogonal", "zmin", Double.toString(SATURATION_ZMIN));
        l.value("saturated-orthogonal", "sup", Formats.fixed(Claims.tanhDerivative(SATURATION_ZMIN), 6));
        double lyap = TrajectoryClaims.orthogonalExponent(8, 5000, 36);
        l.add(new LedgerRow("lyapunov-orthogonal", "003 Lyapunov",
                "The top Lyapunov exponent gives the growth rate; an orthogonal linear map has λ = 0", "0",
                Formats.adoc(lyap, 3) + " nats/step", Verdict.forStatement(Math.abs(lyap) < 1e-9),
                "orthogonalMapHasZeroTopExponent", ""));
        l.value("lyapunov-orthogonal", Formats.adoc(lyap, 3));
    }
}
